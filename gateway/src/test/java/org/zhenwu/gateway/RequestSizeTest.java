package org.zhenwu.gateway;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Test profile: 1 KB for most requests, 4 KB for document uploads. */
class RequestSizeTest extends GatewayTestSupport {

    @Test
    void body_declared_larger_than_the_limit_is_refused_with_413_before_reaching_the_service() {
        String path = "/api/hotline/" + unique("tickets");

        client.post().uri(path).header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(bytes(2 * 1024))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.title").isEqualTo("Content Too Large")
                .jsonPath("$.detail").isEqualTo("The request body exceeds the limit of 1 KB")
                .jsonPath("$.instance").isEqualTo(path);

        assertThat(hotline.hits(path)).isZero();
    }

    @Test
    void streamed_body_without_content_length_is_cut_off_with_413() {
        String path = "/api/hotline/" + unique("tickets");
        Flux<DataBuffer> chunks = Flux.range(0, 8).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(bytes(512)));

        client.post().uri(path).header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("The request body exceeds the limit of 1 KB");

        assertThat(hotline.hits(path)).isZero();
    }

    @Test
    void small_streamed_body_passes() {
        String path = "/api/hotline/" + unique("tickets");
        Flux<DataBuffer> chunks = Flux.range(0, 2).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(bytes(300)));

        client.post().uri(path).header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.bodyBytes").isEqualTo(600);
    }

    @Test
    void document_uploads_have_a_larger_limit() {
        String path = "/api/documents/" + unique("attachments");

        client.post().uri(path).header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_PDF)
                .bodyValue(bytes(3 * 1024))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.bodyBytes").isEqualTo(3 * 1024);

        client.post().uri(path).header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_PDF)
                .bodyValue(bytes(5 * 1024))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.detail").isEqualTo("The request body exceeds the limit of 4 KB");
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        return bytes;
    }
}
