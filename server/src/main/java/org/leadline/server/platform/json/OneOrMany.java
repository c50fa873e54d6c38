package org.leadline.server.platform.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.AbstractList;
import java.util.Objects;

/**
 * On a list member of a request record: a client may send one item alone instead of a list of it.
 * {@link RecordInput} reads a lone item as a list of that item ({@link One}, which {@link RecordJson}
 * writes back alone, as it was sent); the errors of a lone item are named without an index
 * ({@code budgetAtLeast.currency}); the API document says {@code oneOf} the item and the list.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface OneOrMany {

    /** The list of an item that was sent alone. */
    final class One<T> extends AbstractList<T> {

        private final T item;

        public One(T item) {
            this.item = Objects.requireNonNull(item);
        }

        @Override
        public T get(int index) {
            Objects.checkIndex(index, 1);
            return item;
        }

        @Override
        public int size() {
            return 1;
        }
    }
}
