package eventlens.model.store;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictTrainer;
import com.github.luben.zstd.ZstdException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Packs the record texts of one import ({@link PackedText}): zstd at level 1 with a dictionary trained on the
 * import's first records (about 0.25 of a JSON record's size against 0.66 without one, measured on the 1M sample),
 * or the project's last dictionary when too few records came to train one. A text that would not come out
 * a tenth smaller stays text. Not thread-safe: one packer serves one thread.
 */
final class TextPacker implements AutoCloseable {
    /** The dictionary's size: 16 to 64 KB packed the sample alike. */
    static final int DICTIONARY_BYTES = 32 << 10;
    /** Fewer records than this train no dictionary (the trainer fails or learns little). */
    static final int MIN_SAMPLES = 200;
    /**
     * The trainer reads at most this many records: on the 1M sample, a dictionary from 1,000 records packs the next
     * 200,000 1.2 % bigger than one from 2,000 and takes 31-48 ms to train instead of 75-180 ms, on the store's
     * thread in a cold import's busiest second (measured 2026-12-04).
     */
    static final int MAX_SAMPLES = 1000;
    /** The trainer reads at most this much of the samples. */
    private static final long SAMPLE_BYTES = 8L << 20;
    private static final int LEVEL = 1;

    private final long dictionary;
    private final byte[] header;
    private final ZstdCompressCtx context;
    /** The dictionary the context refers to (it is not copied): freed with the packer. */
    private final ZstdDictCompress loaded;

    /** A packer with the dictionary {@code bytes} numbered {@code dictionary} (0 and null: none). */
    TextPacker(long dictionary, byte[] bytes) {
        this.dictionary = dictionary;
        this.header = PackedText.header(dictionary);
        this.context = new ZstdCompressCtx().setLevel(LEVEL).setMagicless(true).setChecksum(false)
                .setContentSize(true).setDictID(false);
        this.loaded = bytes == null ? null : new ZstdDictCompress(bytes, LEVEL);
        if (loaded != null) {
            context.loadDict(loaded);
        }
    }

    /**
     * A dictionary trained on the first {@value #MAX_SAMPLES} of {@code samples}, or null when they are too few or
     * teach the trainer nothing.
     */
    static byte[] train(List<String> samples) {
        if (samples.size() < MIN_SAMPLES) {
            return null;
        }
        samples = samples.subList(0, Math.min(samples.size(), MAX_SAMPLES));
        long total = 0;
        for (String s : samples) {
            total += s.length();
        }
        ZstdDictTrainer trainer = new ZstdDictTrainer((int) Math.min(SAMPLE_BYTES, total * 3 + 1024), DICTIONARY_BYTES);
        for (String s : samples) {
            if (!trainer.addSample(s.getBytes(StandardCharsets.UTF_8))) {
                break; // the trainer's buffer is full: it has enough
            }
        }
        try {
            return trainer.trainSamples();
        } catch (ZstdException e) {
            return null; // too little variety ("Src size is incorrect"): pack with the last dictionary or none
        }
    }

    /** The number of the dictionary this packer packs with; 0 for none. */
    long dictionary() {
        return dictionary;
    }

    /** What to store for {@code raw}: the packed BLOB, or the text itself when packing would save under a tenth. */
    Object pack(String raw) {
        return pack(raw, raw.getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link #pack(String)}, given the text's UTF-8 bytes. */
    Object pack(String raw, byte[] utf8) {
        byte[] packed = packed(utf8);
        // A tenth saved at least: a text read as it is costs no unpacking at each scan.
        return packed.length <= utf8.length - utf8.length / 10 ? packed : raw;
    }

    /** {@code raw} packed, even when that makes it bigger. */
    byte[] packed(String raw) {
        return packed(raw.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] packed(byte[] utf8) {
        byte[] frame = context.compress(utf8);
        byte[] out = new byte[header.length + frame.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(frame, 0, out, header.length, frame.length);
        return out;
    }

    @Override
    public void close() {
        context.close();
        if (loaded != null) {
            loaded.close();
        }
    }
}
