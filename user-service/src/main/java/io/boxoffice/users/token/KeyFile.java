package io.boxoffice.users.token;

import io.boxoffice.common.Ids;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Reads the RSA signing key from a PKCS#8 PEM file, generating a 2048-bit key first when the file is
 * missing. A new file is readable by its owner only and appears atomically (hard link of a complete
 * temporary file, which fails if another instance got there first; then that instance's key is used).
 */
final class KeyFile {
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private KeyFile() {
    }

    static RSAPrivateCrtKey loadOrCreate(Path path) {
        try {
            if (!Files.exists(path)) {
                create(path);
            }
            return read(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the JWT signing key file " + path, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The JWT signing key file " + path + " is not an RSA PKCS#8 PEM key", e);
        }
    }

    private static RSAPrivateCrtKey read(Path path) throws IOException, GeneralSecurityException {
        String pem = Files.readString(path, StandardCharsets.US_ASCII);
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("no PRIVATE KEY block");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
        if (KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof RSAPrivateCrtKey key) {
            return key;
        }
        throw new IllegalArgumentException("not an RSA key with its public part (CRT form)");
    }

    private static void create(Path path) throws IOException, GeneralSecurityException {
        Path dir = path.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, ownerOnly("rwx------"));
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
        String pem = BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n" + END + "\n";
        Path temp = dir.resolve(path.getFileName() + "." + Ids.random() + ".tmp");
        try {
            Files.createFile(temp, ownerOnly("rw-------"));
            Files.writeString(temp, pem, StandardCharsets.US_ASCII);
            try {
                Files.createLink(path, temp);
            } catch (FileAlreadyExistsException raceLost) {
                // Another instance wrote the key first; everyone signs with that one.
            } catch (UnsupportedOperationException noLinks) {
                Files.move(temp, path);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }
}
