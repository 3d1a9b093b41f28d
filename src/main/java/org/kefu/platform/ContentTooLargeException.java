package org.kefu.platform;

import java.util.Map;

/** Something sent is over a configured size limit (HTTP 413); {@code properties} say which part and the limit. */
public class ContentTooLargeException extends RuntimeException {

    private final Map<String, Object> properties;

    public ContentTooLargeException(String message, Map<String, Object> properties) {
        super(message);
        this.properties = Map.copyOf(properties);
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
