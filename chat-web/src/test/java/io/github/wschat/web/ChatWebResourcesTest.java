package io.github.wschat.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatWebResourcesTest {

    @Test
    void given_the_static_folder_then_files_lists_exactly_what_is_in_it() throws IOException, URISyntaxException {
        URL root = ChatWebResources.class.getResource(ChatWebResources.ROOT);
        assertThat(root).as("the static folder on the class path").isNotNull();
        try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(ChatWebResources.files());
        }
        assertThat(ChatWebResources.files().get(0)).isEqualTo(ChatWebResources.INDEX);
        assertThat(ChatWebResources.files()).doesNotContain(ChatWebResources.CONFIG);
    }

    @Test
    void given_each_file_then_it_opens_with_its_content_type() throws IOException {
        for (String file : ChatWebResources.files()) {
            try (InputStream in = ChatWebResources.open(file)) {
                assertThat(in.readAllBytes()).as(file).isNotEmpty();
            }
            assertThat(ChatWebResources.contentType(file)).as(file).endsWith("; charset=utf-8");
        }
        assertThat(List.of(ChatWebResources.contentType("app.js"), ChatWebResources.contentType("index.html")))
                .containsExactly("text/javascript; charset=utf-8", "text/html; charset=utf-8");
    }

    @Test
    void given_a_name_that_is_not_a_file_of_the_page_then_it_is_refused() {
        assertThatThrownBy(() -> ChatWebResources.open("../secret")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChatWebResources.contentType("config.json"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
