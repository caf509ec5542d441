package dev.tusk.media.infrastructure;

import dev.tusk.media.domain.FileIdentifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.testing.Deployments;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The object store against the real S3 server (S3Proxy), including the checks a migration's parameters go through. */
@ExtendWith(ArquillianExtension.class)
class S3MediaStoreIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.tusk(S3MediaStoreIT.class);
    }

    private static S3MediaStore store(String bucket, String secret) {
        S3MediaStore s = new S3MediaStore();
        s.endpoint = Optional.of("http://127.0.0.1:8333");
        s.region = "us-east-1";
        s.bucket = Optional.of(bucket);
        s.accessKey = Optional.of("tusk");
        s.secretKey = Optional.of(secret);
        s.pathStyle = true;
        return s;
    }

    @Test
    void storesReadsAndDeletesObjects() throws IOException {
        S3MediaStore s3 = store("tusk-media", "tusk-secret");
        s3.check();
        FileIdentifier id = s3.save("originals", new ByteArrayInputStream(new byte[] {5, 6, 7}));
        assertThat(id.value()).startsWith("s3:originals/");
        assertThat(s3.size(id)).isEqualTo(3);
        try (var in = s3.open(id)) {
            assertThat(in.readAllBytes()).containsExactly(5, 6, 7);
        }
        s3.delete(id);
        assertThat(s3.exists(id)).isFalse();
        assertThatThrownBy(() -> s3.open(id)).isInstanceOf(FileNotFoundException.class);
        assertThatThrownBy(() -> s3.open(new FileIdentifier("s3:../../etc/passwd"))).isInstanceOf(IOException.class).isNotInstanceOf(FileNotFoundException.class);
        s3.close();
    }

    @Test
    void aMissingBucketOrWrongCredentialsAreSaidPlainly() {
        assertThatThrownBy(() -> store("no-such-bucket", "tusk-secret").check()).hasMessage("no bucket 'no-such-bucket'");
        assertThatThrownBy(() -> store("tusk-media", "wrong").check()).hasMessageContaining("refuses the credentials");
    }
}
