package org.kefu.platform.web;

import java.io.IOException;

/** The request body is over the configured limit. An IOException so it passes stream readers. */
class PayloadTooLargeException extends IOException {

    PayloadTooLargeException(long limit) {
        super("The request body is larger than the limit of " + limit + " bytes.");
    }
}
