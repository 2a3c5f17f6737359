package org.p2psim.cli;

/** Bad input found by a command itself (not by picocli): one line on stderr, exit code 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
