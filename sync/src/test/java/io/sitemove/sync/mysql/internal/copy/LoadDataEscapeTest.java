package io.sitemove.sync.mysql.internal.copy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LoadDataEscapeTest {

    @Test
    void escapesTheFiveSpecialBytesAndCopiesEverythingElse() {
        byte[] value = {'a', '\\', 'b', '\t', '\n', '\r', 0, 'z', (byte) 0xF0, (byte) 0x9F, 1, 13, 14, 92, 127};
        assertArrayEquals(new byte[] {'a', '\\', '\\', 'b', '\\', 't', '\\', 'n', '\\', 'r', '\\', '0', 'z',
            (byte) 0xF0, (byte) 0x9F, 1, '\\', 'r', 14, '\\', '\\', 127}, escaped(value));
    }

    @Test
    void agreesWithAByteByByteEscapeOnRandomValues() {
        Random random = new Random(42);
        for (int n = 0; n < 2000; n++) {
            byte[] value = new byte[random.nextInt(300)];
            random.nextBytes(value);
            assertArrayEquals(byteByByte(value), escaped(value), () -> Arrays.toString(value));
        }
    }

    @Test
    void writesAfterWhatTheBufferAlreadyHolds() {
        byte[] out = new byte[10];
        out[0] = 'x';
        int end = LoadDataStream.escape(new byte[] {'\t', 'y'}, out, 1);
        assertArrayEquals(new byte[] {'x', '\\', 't', 'y'}, Arrays.copyOf(out, end));
    }

    private static byte[] escaped(byte[] value) {
        byte[] out = new byte[value.length * 2];
        return Arrays.copyOf(out, LoadDataStream.escape(value, out, 0));
    }

    private static byte[] byteByByte(byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte c : value) {
            switch (c) {
                case '\\' -> out.write(new byte[] {'\\', '\\'}, 0, 2);
                case '\t' -> out.write(new byte[] {'\\', 't'}, 0, 2);
                case '\n' -> out.write(new byte[] {'\\', 'n'}, 0, 2);
                case '\r' -> out.write(new byte[] {'\\', 'r'}, 0, 2);
                case 0 -> out.write(new byte[] {'\\', '0'}, 0, 2);
                default -> out.write(c);
            }
        }
        return out.toByteArray();
    }
}
