package eventlens.importers.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NewlinesTest {
    private static int naive(byte[] bytes, int from, int end) {
        for (int i = from; i < end; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return end;
    }

    @Test
    void findsEachLineEndAsAByteByByteSearchDoes() {
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                // Newlines, bytes one above and below it, high bytes (borrows), and anything else.
                int pick = random.nextInt(6);
                bytes[i] = (byte) switch (pick) {
                    case 0 -> '\n';
                    case 1 -> 0x0B;
                    case 2 -> 0x09;
                    case 3 -> 0x8A;
                    case 4 -> 0;
                    default -> random.nextInt(256);
                };
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
            int end = from + random.nextInt(bytes.length - from + 1);
            assertThat(Newlines.next(bytes, from, end)).as("round %d", round).isEqualTo(naive(bytes, from, end));
        }
    }
}
