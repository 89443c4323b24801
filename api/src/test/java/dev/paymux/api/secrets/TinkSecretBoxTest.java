package dev.paymux.api.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.junit.jupiter.api.Test;

/** Sealing secrets with Tink, and rotating the key: old values still open, and are told apart for resealing. */
class TinkSecretBoxTest {

    private static final String SECRET = "sk_live_0123456789abcdef";

    @Test
    void aSealedSecretIsNotTheSecretAndOpensBackToIt() {
        TinkSecretBox box = TinkSecretBox.fromJson(TinkSecretBox.newKeysetJson());
        String sealed = box.seal(SECRET);
        assertThat(sealed).startsWith("tink:").doesNotContain(SECRET);
        assertThat(box.seal(SECRET)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(box.open(sealed)).isEqualTo(SECRET);
        assertThat(box.needsResealing(sealed)).isFalse();
        // A value from before secrets were sealed is read as it is, and is due for sealing.
        assertThat(box.open(SECRET)).isEqualTo(SECRET);
        assertThat(box.needsResealing(SECRET)).isTrue();
        assertThat(box.seal(null)).isNull();
        assertThat(box.open(null)).isNull();
    }

    @Test
    void afterARotationOldValuesOpenAndAreResealedWithTheNewPrimaryKey() throws Exception {
        String first = TinkSecretBox.newKeysetJson();
        String old = TinkSecretBox.fromJson(first).seal(SECRET);

        KeysetHandle rotated = KeysetHandle.newBuilder(TinkJsonProtoKeysetFormat.parseKeyset(first, InsecureSecretKeyAccess.get()))
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId().makePrimary().setStatus(KeyStatus.ENABLED))
                .build();
        TinkSecretBox box = TinkSecretBox.fromJson(TinkJsonProtoKeysetFormat.serializeKeyset(rotated,
                InsecureSecretKeyAccess.get()));
        assertThat(box.open(old)).isEqualTo(SECRET);
        assertThat(box.needsResealing(old)).isTrue();
        String resealed = box.seal(box.open(old));
        assertThat(box.needsResealing(resealed)).isFalse();
        assertThat(box.open(resealed)).isEqualTo(SECRET);
    }

    @Test
    void aValueOfAnotherKeysetDoesNotOpenAndTheErrorHoldsNoSecret() {
        String sealed = TinkSecretBox.fromJson(TinkSecretBox.newKeysetJson()).seal(SECRET);
        TinkSecretBox other = TinkSecretBox.fromJson(TinkSecretBox.newKeysetJson());
        assertThatThrownBy(() -> other.open(sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("paymux.secrets.keyset").hasMessageNotContaining(SECRET)
                .hasMessageNotContaining(sealed);
        assertThatThrownBy(() -> TinkSecretBox.fromJson("{not a keyset")).isInstanceOf(IllegalStateException.class);
    }
}
