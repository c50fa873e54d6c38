package org.leadline.server.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;
import org.leadline.api.lead.LeadData;
import org.leadline.api.lead.LeadView;

/** The lead's API record and the lead form it is read into describe the same members. */
class LeadViewTest {

    @Test
    void theWritableMembersAreTheLeadForm() {
        List<String> writable = Arrays.stream(LeadView.class.getRecordComponents())
                .filter(rc -> !readOnly(rc)).map(rc -> rc.getName() + ":" + rc.getGenericType().getTypeName()).toList();
        List<String> form = Arrays.stream(LeadData.class.getRecordComponents())
                .map(rc -> rc.getName() + ":" + rc.getGenericType().getTypeName()).toList();
        assertEquals(form, writable);
        for (RecordComponent rc : LeadData.class.getRecordComponents()) {
            assertEquals(annotations(LeadData.class, rc.getName()), annotations(LeadView.class, rc.getName()),
                    "the constraints of " + rc.getName());
        }
    }

    @Test
    void theReadOnlyMembersAreWhatTheServerOwnsOrDerives() {
        Set<String> readOnly = Arrays.stream(LeadView.class.getRecordComponents()).filter(LeadViewTest::readOnly)
                .map(RecordComponent::getName).collect(Collectors.toSet());
        Set<String> owned = new HashSet<>(LeadJson.SERVER_OWNED);
        owned.addAll(LeadJson.DETAILS);
        assertEquals(owned, readOnly);
    }

    private static boolean readOnly(RecordComponent rc) {
        try {
            Schema s = rc.getDeclaringRecord().getDeclaredField(rc.getName()).getAnnotation(Schema.class);
            return s != null && s.readOnly();
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> annotations(Class<?> type, String field) {
        try {
            return Arrays.stream(type.getDeclaredField(field).getAnnotations())
                    .filter(a -> a.annotationType().getPackageName().startsWith("jakarta.validation"))
                    .map(Object::toString).collect(Collectors.toSet());
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }
}
