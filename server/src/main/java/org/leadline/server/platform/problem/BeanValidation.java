package org.leadline.server.platform.problem;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;

/** Turns Bean Validation results into the field errors a problem response lists. */
public final class BeanValidation {

    private BeanValidation() {
    }

    /** The violated property as a dotted path, as it appears in the JSON body. */
    public static String path(ConstraintViolation<?> v) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getName() == null || node.getKind() == jakarta.validation.ElementKind.METHOD
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                continue;
            }
            if (node.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(node.getName());
            if (node.getIndex() != null) {
                sb.append('[').append(node.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    public static <T> List<FieldError> errors(Set<ConstraintViolation<T>> violations, String prefix) {
        return violations.stream()
                .map(v -> new FieldError(prefix + path(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
    }
}
