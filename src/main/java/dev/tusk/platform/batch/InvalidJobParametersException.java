package dev.tusk.platform.batch;

/** An operator's job parameters that the job cannot run with; the message says why. */
public class InvalidJobParametersException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidJobParametersException(String message) {
        super(message);
    }
}
