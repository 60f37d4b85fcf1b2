package org.oncoconcord.contract;

/** A contract file that cannot be used: the message names the file and the missing or invalid key. */
public final class ContractException extends Exception {
    private static final long serialVersionUID = 1L;

    public ContractException(String message, Throwable cause) {
        super(message, cause);
    }
}
