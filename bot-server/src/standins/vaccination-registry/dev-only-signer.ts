/**
 * DEVELOPMENT ONLY. The key and certificate the local vaccination registry stand-in signs `HC1:`
 * certificates with, committed on purpose so every developer's certificates verify everywhere
 * and tests can cite them. They prove nothing: the private key is public. The server adds this
 * certificate to the trust list only when it starts the stand-in, and refuses it (by its kid) in
 * production, even if someone copies it into VACCINATION_TRUST_FILES.
 *
 * Made with:
 *   openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 -sha256 \
 *     -subj "/C=VN/O=Khaibao DEVELOPMENT ONLY - not a real issuer/CN=Khaibao dev-only DCC signer"
 *   openssl pkcs8 -topk8 -nocrypt   (the key as PKCS#8)
 */
export const DEV_ONLY_SIGNER_KEY_PEM = `
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgus1NyfP+yH5OntM4
c22RdASkW/89xXXyQYj/BqHX0NmhRANCAASVRbCMV4JkzbuR4fvphi3H0K80H3vG
f79T2O0VIVL77j8bGb71uDnCnIGiaFbuxNnpSNbhfAPLARP6Uchse1qB
-----END PRIVATE KEY-----
`;

export const DEV_ONLY_SIGNER_CERT_PEM = `
-----BEGIN CERTIFICATE-----
MIICKDCCAc+gAwIBAgIUe9oQ/fxaVa2LJ9QTmOH4vH+XjjwwCgYIKoZIzj0EAwIw
ajELMAkGA1UEBhMCVk4xNTAzBgNVBAoMLEtoYWliYW8gREVWRUxPUE1FTlQgT05M
WSAtIG5vdCBhIHJlYWwgaXNzdWVyMSQwIgYDVQQDDBtLaGFpYmFvIGRldi1vbmx5
IERDQyBzaWduZXIwHhcNMjYxMTI4MTM0ODMxWhcNMzYxMTI1MTM0ODMxWjBqMQsw
CQYDVQQGEwJWTjE1MDMGA1UECgwsS2hhaWJhbyBERVZFTE9QTUVOVCBPTkxZIC0g
bm90IGEgcmVhbCBpc3N1ZXIxJDAiBgNVBAMMG0toYWliYW8gZGV2LW9ubHkgREND
IHNpZ25lcjBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABJVFsIxXgmTNu5Hh++mG
LcfQrzQfe8Z/v1PY7RUhUvvuPxsZvvW4OcKcgaJoVu7E2elI1uF8A8sBE/pRyGx7
WoGjUzBRMB0GA1UdDgQWBBRfhcV4ZUbYKENs7MV2TJ3ddpiAADAfBgNVHSMEGDAW
gBRfhcV4ZUbYKENs7MV2TJ3ddpiAADAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49
BAMCA0cAMEQCIHmLbIYPtMLV9WpwX9t93qZlayRhHo2cGZSxYZo0BJZxAiBxO4WK
24sagmVcMLmu/thr7zi5Wno0YP+RhPKUhSsq9A==
-----END CERTIFICATE-----
`;
