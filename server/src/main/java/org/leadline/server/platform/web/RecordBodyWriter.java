package org.leadline.server.platform.web;

import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.json.RecordJson;

/** Writes the API's response records as JSON ({@link RecordJson}). */
@Provider
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
public class RecordBodyWriter implements MessageBodyWriter<Record> {

    private static final JsonGeneratorFactory GENERATORS = Json.provider().createGeneratorFactory(java.util.Map.of());

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Record.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Record record, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) {
        try (JsonGenerator g = GENERATORS.createGenerator(entityStream, StandardCharsets.UTF_8)) {
            RecordJson.write(g, record);
        }
    }
}
