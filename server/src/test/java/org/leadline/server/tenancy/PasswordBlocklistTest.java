package org.leadline.server.tenancy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PasswordBlocklistTest {

    @AfterEach
    void restore() {
        PasswordBlocklist.keepFor(PasswordBlocklist.KEEP);
        PasswordBlocklist.release();
    }

    @Test
    void theDictionariesLiveInALoaderOfTheirOwnAndGoWithIt() throws Exception {
        assertTrue(PasswordBlocklist.blocks("iloveyou1234"));
        assertFalse(PasswordBlocklist.blocks("zebra kettle orbit march"));
        ClassLoader loader = PasswordBlocklist.loader();
        assertNotNull(loader);
        assertNotSame(PasswordBlocklist.class.getClassLoader(), loader);
        assertSame(loader, Class.forName("me.gosimple.nbvcxz.resources.ConfigurationBuilder", false, loader)
                .getClassLoader());

        WeakReference<ClassLoader> gone = new WeakReference<>(loader);
        loader = null;
        PasswordBlocklist.release();
        assertNull(PasswordBlocklist.loader());
        collect(gone);
        assertNull(gone.get(), "the dictionaries' class loader, and with it nbvcxz's static fields, were collected");

        assertTrue(PasswordBlocklist.blocks("iloveyou1234"), "a later check loads them again");
        assertNotNull(PasswordBlocklist.loader());
    }

    @Test
    void checksInARowShareOneLoadAndTheLoadGoesWhenTheyStop() throws Exception {
        PasswordBlocklist.keepFor(Duration.ofMillis(400));
        assertTrue(PasswordBlocklist.blocks("passwordpassword"));
        ClassLoader first = PasswordBlocklist.loader();
        for (int i = 0; i < 5; i++) {
            Thread.sleep(150);
            assertTrue(PasswordBlocklist.blocks("qwertyuiop12"));
            assertSame(first, PasswordBlocklist.loader(), "kept while checks keep coming");
        }
        first = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (PasswordBlocklist.loader() != null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertNull(PasswordBlocklist.loader(), "let go once no check came for the keep time");
    }

    private static void collect(WeakReference<?> reference) throws InterruptedException {
        for (int i = 0; i < 50 && reference.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
    }
}
