package io.boxoffice.users.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {
    @TempDir
    Path dir;

    @Test
    void shouldWriteAnOwnerOnlyPemAndReuseItWhenFileIsMissingThenPresent() throws Exception {
        // given
        Path file = dir.resolve("nested/secrets/jwt.pem");
        // when
        SigningKey created = SigningKey.fromFile(file);
        SigningKey reloaded = SigningKey.fromFile(file);
        // then
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(reloaded.keyId()).isEqualTo(created.keyId());
        @SuppressWarnings("unchecked")
        var published = (java.util.List<java.util.Map<String, Object>>) created.publicJwkSet().get("keys");
        assertThat(published).singleElement().satisfies(jwk -> assertThat(jwk)
                .containsKeys("n", "e", "kid").doesNotContainKeys("d", "p", "q", "dp", "dq", "qi"));
        assertThat(created.toString()).doesNotContain(created.publicKey().getModulus().toString(16));
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void shouldRefuseToStartWhenFileIsNotAPrivateKey() throws Exception {
        // given
        Path file = dir.resolve("jwt.pem");
        Files.writeString(file, "not a key");
        // when / then
        assertThatThrownBy(() -> SigningKey.fromFile(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("not a key");
    }
}
