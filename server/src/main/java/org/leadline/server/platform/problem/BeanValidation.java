package org.leadline.server.platform.problem;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import org.leadline.api.problem.FieldError;

/** Turns Bean Validation results into the field errors a problem response lists. */
public final class BeanValidation {

    private BeanValidation() {
    }

    /** The violated property as it appears in the JSON body: {@code admin.email}, {@code rules[2].points}. */
    public static String path(ConstraintViolation<?> v) {
        return path(v.getPropertyPath());
    }

    /** A property path as it appears in the JSON body; method, parameter and bean nodes left out. */
    public static String path(Path propertyPath) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : propertyPath) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.BEAN || node.getKind() == ElementKind.RETURN_VALUE
                    || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                sb.append('[').append(node.getIndex()).append(']');
            } else if (node.isInIterable() && node.getKey() != null) {
                sb.append('.').append(node.getKey());
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(node.getName());
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
