package org.leadline.server.platform.json;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import org.leadline.server.platform.Settings;

/**
 * Reads the body of a {@code PUT} ({@link Replacement}) or {@code PATCH} ({@link MergePatch}) as
 * {@link JsonBodyReader} reads any JSON body (size limit, duplicate keys refused, an object at the
 * top); the record type is bound once the resource's current state is known.
 */
@Provider
@Priority(1)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json", "application/*+json", "text/json"})
public class DocumentBodyReader implements MessageBodyReader<Object> {

    private final int maxBytes;

    public DocumentBodyReader() {
        this(Settings.maxBodyBytes());
    }

    DocumentBodyReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == Replacement.class || type == MergePatch.class;
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        var body = JsonBodyReader.read(entityStream, maxBytes);
        return Replacement.class.equals(type) ? new Replacement<>(body) : new MergePatch<>(body);
    }
}
