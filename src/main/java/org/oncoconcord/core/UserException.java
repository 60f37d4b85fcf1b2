package org.oncoconcord.core;

/**
 * An error caused by the user's input (a bad file, record or value). Its message is shown as is,
 * so it must name the file, the line or record, and what is wrong.
 */
public class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
