package org.leadline.server.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;

import org.junit.jupiter.api.Test;

class CopyRowsTest {

    @Test
    void writesCopyTextEscapingOnlyWhatCopyReadsSpecially() {
        CopyRows rows = new CopyRows();
        rows.add("plain").add(null).add("tab\there").add("back\\slash\nand\rbreaks").add(true).add(new BigDecimal("1.50"))
                .add(Timestamp.valueOf("2026-01-02 03:04:05.123456")).add("Müller");
        rows.endRow();
        assertEquals("plain\t\\N\ttab\\there\tback\\\\slash\\nand\\rbreaks\tt\t1.50\t2026-01-02 03:04:05.123456\tMüller\n",
                new String(rows.take(), StandardCharsets.UTF_8));
    }

    @Test
    void textMadeOnceIsTheSameAsTheColumnsAddedOneByOne() {
        Object[] values = {"a\tb", null, 7L, "x"};
        CopyRows byColumn = new CopyRows();
        byColumn.add("first");
        for (Object v : values) {
            byColumn.add(v);
        }
        byColumn.endRow();
        CopyRows byText = new CopyRows();
        byText.add("first").addText(CopyRows.text(values));
        byText.endRow();
        CopyRows textFirst = new CopyRows();
        textFirst.addText(CopyRows.text("first")).addText(CopyRows.text(values));
        textFirst.endRow();
        String expected = new String(byColumn.take(), StandardCharsets.UTF_8);
        assertEquals(expected, new String(byText.take(), StandardCharsets.UTF_8));
        assertEquals(expected, new String(textFirst.take(), StandardCharsets.UTF_8));
    }
}
