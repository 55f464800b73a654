package eventlens.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdDictDecompress;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackedTextTest {
    private static List<String> records(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("{\"id\":\"evt-" + Integer.toHexString(i * 7919) + "\",\"type\":\"order."
                    + (i % 5 == 0 ? "paid" : "created") + "\",\"timestamp\":\"2024-01-15T08:00:" + (10 + i % 50) + ".000Z\",\"source\":\"order-service\","
                    + "\"data\":{\"orderId\":\"order-" + (100000 + i) + "\",\"customerId\":\"cust-" + (i % 997)
                    + "\",\"total\":" + (i % 300) + ".5,\"currency\":\"EUR\"},\"metadata\":{\"correlationId\":\"c-"
                    + (i / 7) + "\",\"userId\":\"user-" + (i % 13) + "\"}}");
        }
        return out;
    }

    private static String unpacked(Object packed, long id, byte[] dictionary) throws SQLException {
        PackedText.Dictionaries one = asked -> asked == id ? new ZstdDictDecompress(dictionary) : null;
        return new String(PackedText.unpack((byte[]) packed, one), StandardCharsets.UTF_8);
    }

    @Test
    void aTrainedDictionaryPacksJsonRecordsToUnderAThirdAndBackExactly() throws SQLException {
        List<String> records = records(2000);
        byte[] dictionary = TextPacker.train(records);
        assertThat(dictionary).isNotNull();
        long packedBytes = 0;
        long rawBytes = 0;
        try (TextPacker packer = new TextPacker(300, dictionary)) {
            for (String r : records) {
                Object packed = packer.pack(r);
                assertThat(packed).isInstanceOf(byte[].class);
                assertThat(unpacked(packed, 300, dictionary)).isEqualTo(r);
                packedBytes += ((byte[]) packed).length;
                rawBytes += r.length();
            }
        }
        assertThat((double) packedBytes / rawBytes).isLessThan(0.33);
    }

    @Test
    void withoutADictionaryTextsStillRoundTripAndNonAsciiTooEvenOutsideTheBasicPlane() throws SQLException {
        String text = "{\"name\":\"Zoë 🚀 café\",\"note\":\"" + "repeated words, ".repeat(40) + "\"}";
        try (TextPacker packer = new TextPacker(0, null)) {
            Object packed = packer.pack(text);
            assertThat(packed).isInstanceOf(byte[].class);
            assertThat(((byte[]) packed)[0]).isZero(); // the varint of dictionary 0
            assertThat(unpacked(packed, -1, null)).isEqualTo(text);
        }
    }

    @Test
    void aTextThatWouldNotShrinkStaysText() {
        try (TextPacker packer = new TextPacker(0, null)) {
            assertThat(packer.pack("{\"id\":\"x\"}")).isEqualTo("{\"id\":\"x\"}");
        }
    }

    @Test
    void tooFewRecordsTrainNoDictionary() {
        assertThat(TextPacker.train(records(TextPacker.MIN_SAMPLES - 1))).isNull();
    }

    @Test
    void headersAreVarintsOfTheDictionaryNumber() {
        assertThat(PackedText.header(0)).containsExactly(0);
        assertThat(PackedText.header(127)).containsExactly(127);
        assertThat(PackedText.header(128)).containsExactly(0x80, 1);
        assertThat(PackedText.header(300)).containsExactly(0xac, 2);
    }

    @Test
    void aDamagedOrCutTextOrAMissingDictionaryFailsWithTheDamageMessage() {
        List<String> records = records(500);
        byte[] dictionary = TextPacker.train(records);
        byte[] packed;
        try (TextPacker packer = new TextPacker(2, dictionary)) {
            packed = (byte[]) packer.pack(records.get(0));
        }
        byte[] junk = packed.clone();
        for (int i = 3; i < junk.length; i++) {
            junk[i] = (byte) (junk[i] ^ 0x5a);
        }
        byte[] cut = Arrays.copyOf(packed, packed.length / 2);
        PackedText.Dictionaries none = id -> null;
        PackedText.Dictionaries known = id -> id == 2 ? new ZstdDictDecompress(dictionary) : null;
        for (byte[] bad : List.of(junk, cut, new byte[] {(byte) 0x80})) {
            assertThatThrownBy(() -> PackedText.unpack(bad, known)).isInstanceOf(SQLException.class)
                    .hasMessageStartingWith(PackedText.UNREADABLE);
        }
        assertThatThrownBy(() -> PackedText.unpack(packed, none)).hasMessageContaining("dictionary 2 is missing");
    }
}
