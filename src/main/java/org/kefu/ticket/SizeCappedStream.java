package org.kefu.ticket;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes a stream through and fails with {@link Exceeded} as soon as more than {@code max} bytes came. */
final class SizeCappedStream extends FilterInputStream {

    private final long max;
    private long count;

    SizeCappedStream(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        add(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void add(long n) throws Exceeded {
        count += n;
        if (count > max) {
            throw new Exceeded(max);
        }
    }

    /** More bytes than allowed; an IOException so that it passes through stream copying code. */
    static final class Exceeded extends IOException {

        Exceeded(long max) {
            super("more than " + max + " bytes");
        }
    }
}
