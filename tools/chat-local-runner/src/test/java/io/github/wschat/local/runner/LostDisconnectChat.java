package io.github.wschat.local.runner;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code LocalChat.main} with one command more, for tests that need a chat of its own JVM (one with
 * {@code CHAT_AUTH=dev}, whose handlers cannot share the test JVM's) and still lose a {@code $disconnect}: each
 * line {@code drop <connection id>} on stdin drops that connection with {@code dropWithoutDisconnect} and
 * prints {@code dropped <connection id>: true} (or {@code false}). The end of stdin stops the chat.
 */
final class LostDisconnectChat {

    private LostDisconnectChat() {
    }

    public static void main(String[] args) throws Exception {
        LocalChat chat = LocalChat.start(Path.of(args[0]), System.getenv());
        Runtime.getRuntime().addShutdownHook(new Thread(chat::close, "local-chat-shutdown"));
        chat.printBanner(System.out);
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String command;
        while ((command = commands.readLine()) != null) {
            if (command.startsWith("drop ")) {
                String id = command.substring("drop ".length()).strip();
                System.out.println("dropped " + id + ": " + chat.api().dropWithoutDisconnect(id));
                System.out.flush();
            }
        }
        chat.close();
    }
}
