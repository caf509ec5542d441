package dev.tusk.media.infrastructure;

import dev.tusk.media.domain.FileIdentifier;
import dev.tusk.media.domain.MediaStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Files in an S3 bucket ({@code media.s3.*}: endpoint, region, bucket, credentials, path-style
 * access; TLS with an https endpoint), through AWS SDK v2. Its identifiers are
 * {@code s3:folder/uuid}, so a repository that holds files in both stores (during a migration)
 * knows where each one is.
 */
@ApplicationScoped
@Typed(S3MediaStore.class)
public class S3MediaStore implements MediaStore {
    public static final String PREFIX = "s3:";
    private static final Pattern IDENTIFIER = Pattern.compile("s3:(originals|variants|tmp)/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Inject @ConfigProperty(name = "media.s3.endpoint") Optional<String> endpoint;
    @Inject @ConfigProperty(name = "media.s3.region") String region;
    @Inject @ConfigProperty(name = "media.s3.bucket") Optional<String> bucket;
    @Inject @ConfigProperty(name = "media.s3.access_key") Optional<String> accessKey;
    @Inject @ConfigProperty(name = "media.s3.secret_key") Optional<String> secretKey;
    @Inject @ConfigProperty(name = "media.s3.path_style") boolean pathStyle;

    private volatile S3Client client;

    private S3Client client() throws IOException {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    if (bucket.isEmpty() || accessKey.isEmpty() || secretKey.isEmpty()) {
                        throw new IOException("object storage is not configured (media.s3.bucket, access_key, secret_key)");
                    }
                    var builder = S3Client.builder().region(Region.of(region))
                            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey.get(), secretKey.get())))
                            .httpClient(UrlConnectionHttpClient.create())
                            .forcePathStyle(pathStyle);
                    endpoint.ifPresent(e -> builder.endpointOverride(URI.create(e)));
                    client = builder.build();
                }
            }
        }
        return client;
    }

    private static String key(FileIdentifier identifier) throws IOException {
        if (!IDENTIFIER.matcher(identifier.value()).matches()) {
            throw new IOException("not an identifier of the object store: " + identifier);
        }
        return identifier.value().substring(PREFIX.length());
    }

    /** Checks that the bucket exists and the credentials open it. @throws IOException saying which is wrong */
    public void check() throws IOException {
        try {
            client().headBucket(b -> b.bucket(bucket.get()));
        } catch (S3Exception e) {
            throw new IOException(e.statusCode() == 404 ? "no bucket '" + bucket.get() + "'"
                    : e.statusCode() == 403 ? "the object store refuses the credentials for bucket '" + bucket.get() + "'"
                    : "the object store answered " + e.statusCode(), e);
        } catch (SdkException e) {
            throw new IOException("the object store does not answer: " + e.getMessage(), e);
        }
    }

    @Override
    public FileIdentifier save(String folder, InputStream bytes) throws IOException {
        return saveAs(folder + "/" + UUID.randomUUID(), bytes);
    }

    @FunctionalInterface
    private interface Request<T> {
        T send(S3Client client) throws IOException;
    }

    /**
     * One request: an absent key is FileNotFoundException; any other failure, the SDK's or the
     * HTTP client's (a reused connection the server had closed surfaces as UncheckedIOException),
     * is IOException, so callers retry.
     */
    private <T> T call(Object identifier, Request<T> request) throws IOException {
        try {
            return request.send(client());
        } catch (NoSuchKeyException e) {
            throw new FileNotFoundException(identifier.toString());
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new FileNotFoundException(identifier.toString());
            }
            throw new IOException("object store: " + e.getMessage(), e);
        } catch (SdkException | java.io.UncheckedIOException e) {
            throw new IOException("object store: " + e.getMessage(), e);
        }
    }

    @Override
    public FileIdentifier saveAs(String path, InputStream bytes) throws IOException {
        FileIdentifier identifier = new FileIdentifier(PREFIX + path);
        String key = key(identifier);
        byte[] all = bytes.readAllBytes();
        return call(identifier, c -> {
            c.putObject(b -> b.bucket(bucket.get()).key(key), RequestBody.fromBytes(all));
            return identifier;
        });
    }

    @Override
    public InputStream open(FileIdentifier identifier) throws IOException {
        String key = key(identifier);
        return call(identifier, c -> new ByteArrayInputStream(c.getObjectAsBytes(b -> b.bucket(bucket.get()).key(key)).asByteArray()));
    }

    @Override
    public long size(FileIdentifier identifier) throws IOException {
        String key = key(identifier);
        return call(identifier, c -> c.headObject(b -> b.bucket(bucket.get()).key(key)).contentLength());
    }

    @Override
    public boolean exists(FileIdentifier identifier) {
        try {
            size(identifier);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void delete(FileIdentifier identifier) throws IOException {
        String key = key(identifier);
        call(identifier, c -> c.deleteObject(b -> b.bucket(bucket.get()).key(key)));
    }

    @Override
    public List<FileIdentifier> writtenBefore(String folder, Instant cutoff, int limit) throws IOException {
        return call(folder, c -> c.listObjectsV2Paginator(b -> b.bucket(bucket.get()).prefix(folder + "/")).contents().stream()
                .filter(o -> o.lastModified().isBefore(cutoff))
                .map(o -> PREFIX + o.key())
                .filter(identifier -> IDENTIFIER.matcher(identifier).matches())
                .limit(limit)
                .map(FileIdentifier::new)
                .toList());
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
