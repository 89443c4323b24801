package dev.paymux.api.secrets;

import dev.paymux.core.store.SecretBox;
import dev.paymux.core.store.StoreDirectory;
import dev.paymux.core.tx.Transactions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key that seals stored secrets: {@code paymux.secrets.keyset} (a Tink keyset in its JSON format, for
 * several instances and for secret stores), else the keyset file {@code paymux.secrets.keyset-file},
 * made with one new key on the first start. On every start, secrets stored unsealed or under a key that
 * is no longer primary are sealed again with the primary key.
 */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

    @Bean
    SecretBox secretBox(@Value("${paymux.secrets.keyset:}") String keyset,
            @Value("${paymux.secrets.keyset-file:${user.home}/.paymux/secrets-keyset.json}") Path file) {
        if (!keyset.isBlank()) {
            return TinkSecretBox.fromJson(keyset);
        }
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                String json = TinkSecretBox.newKeysetJson();
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(file);
                }
                Files.writeString(file, json, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
                log.info("Made a new key for stored secrets in {}: keep it with the database's backups", file);
            }
            return TinkSecretBox.fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("paymux.secrets.keyset-file " + file + " cannot be read or made", e);
        }
    }

    @Bean
    ApplicationRunner resealSecrets(StoreDirectory directory, Transactions tx) {
        return args -> {
            int changed = tx.inTransaction(directory::resealSecrets);
            if (changed > 0) {
                log.info("Sealed the stored secrets of {} stores with the primary key", changed);
            }
        };
    }
}
