package io.desktopstarter.core.http.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The body of one request, not read until the handler asks, so a request refused by the auth
 * rules never has its body read. A client that sent {@code Expect: 100-continue} is told to go
 * on only then.
 */
public final class RequestBody {
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final WireInput in;
    private final OutputStream out;
    private final RequestHead head;
    private final Duration timeout;
    private boolean consumed;

    RequestBody(WireInput in, OutputStream out, RequestHead head, Duration timeout) {
        this.in = in;
        this.out = out;
        this.head = head;
        this.timeout = timeout;
        this.consumed = head.contentLength() == 0;
    }

    public long declaredLength() {
        return head.contentLength();
    }

    /**
     * The whole body. The caller checks {@link #declaredLength()} against its own cap first; this
     * reads exactly the declared bytes within the body deadline.
     *
     * @throws WireException 408 when the client is too slow, 400 when it closes early
     */
    public byte[] read(int max) throws IOException, WireException {
        if (head.contentLength() > max) {
            throw new IllegalArgumentException("declared length above the caller's cap");
        }
        if (consumed) {
            return new byte[0];
        }
        if (head.expectsContinue()) {
            out.write(CONTINUE);
            out.flush();
        }
        in.deadline(timeout);
        byte[] body = new byte[(int) head.contentLength()];
        int filled = 0;
        try {
            while (filled < body.length) {
                int n = in.read(body, filled, body.length - filled);
                if (n < 0) {
                    throw new WireException(400, "connection closed inside the request body");
                }
                filled += n;
            }
        } catch (WireInput.DeadlineException e) {
            throw new WireException(408, "request body too slow");
        }
        consumed = true;
        return body;
    }

    /** Whether the connection can carry another request (the body, if any, was read). */
    boolean consumed() {
        return consumed;
    }
}
