"""Ed25519 keys (the ``cryptography`` library): reviewer file keys and the secretary's key.

Why Ed25519 and not an HMAC: a signature is verified with the public half only, so the
round file (and every copy and backup of it) holds no secret that could forge a
reviewer's submission or the secretary's lock; an HMAC key would have to sit in the round.
No cryptography is written here: keys, signing and verifying are the library's.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from alliance_review.core.errors import UserError
from alliance_review.system.places import private_dir
from alliance_review.system.writing import write_bytes

SECRETARY_KEY_FILE = "secretary-signing-key.pem"


def new_private_key() -> bytes:
    """32 raw private bytes of a fresh key (the operating system's randomness)."""
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def public_of(private: bytes) -> bytes:
    return (
        Ed25519PrivateKey.from_private_bytes(private)
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )


def sign(private: bytes, message: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(private).sign(message)


def verify(public: bytes, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def fingerprint(public: bytes) -> str:
    """A short, readable name of a public key: 16 hex digits in groups of four."""
    text = hashlib.sha256(public).hexdigest()[:16].upper()
    return " ".join(text[i : i + 4] for i in range(0, 16, 4))


def secretary_key_path() -> Path:
    return private_dir("keys") / SECRETARY_KEY_FILE


def secretary_private_key(create: bool = True) -> bytes | None:
    """This computer's signing key for locking rounds (created on first use, mode 0600)."""
    path = secretary_key_path()
    if path.exists():
        try:
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except (ValueError, TypeError) as error:
            raise UserError(
                f"本机的签名密钥文件「{path}」已损坏，无法签名。",
                f"This computer's signing key {path} is damaged; nothing can be signed.",
            ) from error
        if not isinstance(key, Ed25519PrivateKey):
            raise UserError(
                f"本机的签名密钥文件「{path}」不是 Ed25519 密钥。",
                f"This computer's signing key {path} is not an Ed25519 key.",
            )
        return key.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
    if not create:
        return None
    private = new_private_key()
    pem = Ed25519PrivateKey.from_private_bytes(private).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    write_bytes(path, pem, private=True)  # mode 0600 on POSIX, whole or not at all
    return private


def secretary_public_key() -> bytes | None:
    """This computer's public key, or None when it has never signed anything."""
    private = secretary_private_key(create=False)
    return None if private is None else public_of(private)
