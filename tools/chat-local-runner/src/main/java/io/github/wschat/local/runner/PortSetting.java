package io.github.wschat.local.runner;

import java.util.Map;

/** A port setting of the local chat: its variable, else the chat's port plus an offset (a free port when that is 0). */
final class PortSetting {

    private PortSetting() {
    }

    /**
     * The port {@code variable} names, else {@code chatPort + offset}, else 0 (a free one) when {@code chatPort} is 0.
     *
     * @param what what the port is for, said in the error
     * @throws IllegalArgumentException if {@code variable} is set to something other than a port number (0 to 65535)
     */
    static int of(Map<String, String> environment, String variable, int chatPort, int offset, String what) {
        String configured = environment.get(variable);
        if (configured == null || configured.isBlank()) {
            return chatPort == 0 ? 0 : chatPort + offset;
        }
        try {
            int port = Integer.parseInt(configured.strip());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // told below
        }
        throw new IllegalArgumentException(variable + " is " + what + ", 0 to 65535 (0: a free one), not \""
                + configured + "\"");
    }
}
