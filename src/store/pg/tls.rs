//! TLS to the server as libpq's `sslmode` and `sslrootcert` define it, through
//! rustls (the driver reads neither option fully, so the desk takes them out of
//! the URL or connection string before the driver sees it):
//!
//! - `disable`: never TLS.
//! - `prefer` (the default): TLS when the server offers it, plain when it does
//!   not, and plain again when the TLS attempt fails.
//! - `require`: TLS or no connection.
//! - `verify-ca`: TLS, and the server's certificate is signed by a trusted CA.
//! - `verify-full`: as `verify-ca`, and the certificate is for the host named.
//!
//! The trusted CAs are `sslrootcert=FILE` (PEM, one or more), else libpq's
//! `~/.postgresql/root.crt` when it exists; with one of those, `prefer` and
//! `require` check the chain too (`require` becomes `verify-ca`), as libpq does.
//! `sslrootcert=system`, and `verify-ca`/`verify-full` without a file, trust the
//! system's store and the Mozilla roots. `allow` is refused by name. A Unix
//! socket never uses TLS, as with libpq.

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::{ClientConfig, WebPkiServerVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, RootCertStore, SignatureScheme};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SslMode {
    Disable,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

/// Whose signature on the server's certificate the desk accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Trust {
    File(PathBuf),
    /// The system's certificate store and the Mozilla roots.
    System,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TlsSettings {
    pub mode: SslMode,
    /// What `sslrootcert` named; None when it was not given.
    pub root: Option<Trust>,
}

impl TlsSettings {
    /// The CAs the certificate is checked against, if it is checked at all.
    fn trust(&self) -> Option<Trust> {
        let file = self.root.clone().or_else(|| {
            let home = std::env::var_os("HOME")?;
            let f = PathBuf::from(home).join(".postgresql/root.crt");
            f.is_file().then_some(Trust::File(f))
        });
        match self.mode {
            SslMode::Disable => None,
            SslMode::Prefer | SslMode::Require => file,
            SslMode::VerifyCa | SslMode::VerifyFull => Some(file.unwrap_or(Trust::System)),
        }
    }
}

/// Takes `sslmode` and `sslrootcert` out of a `postgres://` URL or a libpq
/// connection string: what is left for the driver, and what they asked for.
pub fn take_tls_options(s: &str) -> Result<(String, TlsSettings), String> {
    let (rest, taken) = if s.trim_start().starts_with("postgres") && s.contains("://") {
        split_url(s)?
    } else {
        split_conninfo(s)
    };
    let mut settings = TlsSettings {
        mode: SslMode::Prefer,
        root: None,
    };
    for (key, value) in taken {
        if key == "sslmode" {
            settings.mode = match value.as_str() {
                "disable" => SslMode::Disable,
                "prefer" => SslMode::Prefer,
                "require" => SslMode::Require,
                "verify-ca" => SslMode::VerifyCa,
                "verify-full" => SslMode::VerifyFull,
                "allow" => {
                    return Err(
                        "sslmode=allow is not supported: use prefer (TLS when the server offers it) or disable"
                            .into(),
                    );
                }
                _ => return Err("invalid value for option `sslmode`".into()),
            };
        } else {
            settings.root = match value.as_str() {
                "" => None,
                "system" => Some(Trust::System),
                file => Some(Trust::File(PathBuf::from(file))),
            };
        }
    }
    Ok((rest, settings))
}

fn is_tls_option(key: &str) -> bool {
    key == "sslmode" || key == "sslrootcert"
}

/// The URL without the TLS options in its query, and those options decoded.
fn split_url(s: &str) -> Result<(String, Vec<(String, String)>), String> {
    let Some((head, query)) = s.split_once('?') else {
        return Ok((s.to_string(), Vec::new()));
    };
    let mut kept = Vec::new();
    let mut taken = Vec::new();
    for part in query.split('&') {
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        let key = percent_decoded(key)?;
        if is_tls_option(&key) {
            taken.push((key, percent_decoded(value)?));
        } else {
            kept.push(part);
        }
    }
    let rest = if kept.is_empty() {
        head.to_string()
    } else {
        format!("{head}?{}", kept.join("&"))
    };
    Ok((rest, taken))
}

fn percent_decoded(s: &str) -> Result<String, String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            out.push(hex.ok_or("invalid percent-encoding in the URL")?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| "invalid percent-encoding in the URL".to_string())
}

/// The connection string without its TLS pairs, and those pairs. A string that
/// cannot be read is passed on whole, for the driver to say what is wrong.
fn split_conninfo(s: &str) -> (String, Vec<(String, String)>) {
    let mut kept = Vec::new();
    let mut taken = Vec::new();
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        let Some((key, value, len)) = next_pair(rest) else {
            return (s.to_string(), Vec::new());
        };
        if is_tls_option(&key) {
            taken.push((key, value));
        } else {
            kept.push(&rest[..len]);
        }
        rest = rest[len..].trim_start();
    }
    (kept.join(" "), taken)
}

/// The first `key=value` of a connection string (the value maybe 'quoted', with
/// backslash escapes, as libpq reads it) and how many bytes it took.
fn next_pair(s: &str) -> Option<(String, String, usize)> {
    let eq = s.find('=')?;
    let key = s[..eq].trim();
    if key.is_empty() || key.contains(char::is_whitespace) {
        return None;
    }
    let after = &s[eq + 1..];
    let value_start = eq + 1 + (after.len() - after.trim_start().len());
    let mut chars = s[value_start..].char_indices();
    let mut value = String::new();
    let quoted = s[value_start..].starts_with('\'');
    if quoted {
        chars.next();
    }
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => value.push(chars.next()?.1),
            '\'' if quoted => return Some((key.into(), value, value_start + i + 1)),
            c if c.is_whitespace() && !quoted => return Some((key.into(), value, value_start + i)),
            c => value.push(c),
        }
    }
    (!quoted).then(|| (key.into(), value, s.len()))
}

/// The TLS side of one connection attempt: the connector the driver uses, whether
/// the server took up TLS, and why the desk refused the server's certificate.
pub struct Attempt {
    connector: tokio_postgres_rustls::MakeRustlsConnect,
    /// Set once the server agreed to TLS and the handshake began.
    offered: Arc<AtomicBool>,
    refused: Arc<Mutex<Option<String>>>,
}

impl Attempt {
    pub fn new(settings: &TlsSettings) -> Result<Attempt, String> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let (webpki, trusted) = match settings.trust() {
            None => (None, String::new()),
            Some(trust) => {
                let trusted = match &trust {
                    Trust::File(f) => format!("a CA in {} (sslrootcert)", f.display()),
                    Trust::System => {
                        "a CA this machine trusts (give the section's CA with sslrootcert=FILE)"
                            .into()
                    }
                };
                let roots = Arc::new(roots(&trust)?);
                let v = WebPkiServerVerifier::builder_with_provider(roots, provider.clone())
                    .build()
                    .map_err(|e| format!("the trusted certificates cannot be used: {e}"))?;
                (Some(v), trusted)
            }
        };
        let refused = Arc::new(Mutex::new(None));
        let checker = Checker {
            webpki,
            names: settings.mode == SslMode::VerifyFull,
            trusted,
            provider: provider.clone(),
            refused: refused.clone(),
        };
        let config = ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| format!("TLS: {e}"))?
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(checker))
            .with_no_client_auth();
        Ok(Attempt {
            connector: tokio_postgres_rustls::MakeRustlsConnect::new(config),
            offered: Arc::new(AtomicBool::new(false)),
            refused,
        })
    }

    /// The connector to give the driver.
    pub fn connector(&self) -> Offered<tokio_postgres_rustls::MakeRustlsConnect> {
        Offered {
            inner: self.connector.clone(),
            offered: self.offered.clone(),
        }
    }

    /// Why the server's certificate was refused, when that is why the attempt failed.
    pub fn refusal(&self) -> Option<String> {
        self.refused.lock().ok()?.clone()
    }

    pub fn tls_was_offered(&self) -> bool {
        self.offered.load(Ordering::SeqCst)
    }
}

/// The CAs in a PEM file, or the system's and the Mozilla roots.
fn roots(trust: &Trust) -> Result<RootCertStore, String> {
    let mut store = RootCertStore::empty();
    match trust {
        Trust::File(f) => {
            let shown = f.display();
            let pem = std::fs::read(f).map_err(|e| format!("sslrootcert {shown}: {e}"))?;
            for cert in CertificateDer::pem_slice_iter(&pem) {
                let cert = cert.map_err(|e| format!("sslrootcert {shown}: {e}"))?;
                store.add(cert).map_err(|e| {
                    format!("sslrootcert {shown}: a certificate cannot be used: {e}")
                })?;
            }
            if store.is_empty() {
                return Err(format!("sslrootcert {shown} holds no PEM certificate"));
            }
        }
        Trust::System => {
            store.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
            if let Some(pem) = system_bundle().and_then(|f| std::fs::read(f).ok()) {
                store.add_parsable_certificates(CertificateDer::pem_slice_iter(&pem).flatten());
            }
        }
    }
    Ok(store)
}

/// The system's CA bundle: `SSL_CERT_FILE`, or where the usual distributions keep it.
fn system_bundle() -> Option<PathBuf> {
    if let Some(f) = std::env::var_os("SSL_CERT_FILE") {
        return Some(PathBuf::from(f));
    }
    [
        "/etc/ssl/certs/ca-certificates.crt",
        "/etc/pki/tls/certs/ca-bundle.crt",
        "/etc/ssl/ca-bundle.pem",
        "/etc/ssl/cert.pem",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|f| f.is_file())
}

/// Checks the server's certificate as the mode asks, and keeps the reason for a
/// refusal in the officer's words (rustls's own reads `UnknownIssuer`).
#[derive(Debug)]
struct Checker {
    /// None: the certificate is not checked (`prefer`, `require` without a CA).
    webpki: Option<Arc<WebPkiServerVerifier>>,
    /// Whether the certificate must name the host (`verify-full`).
    names: bool,
    /// Who must have signed, for the refusal.
    trusted: String,
    provider: Arc<CryptoProvider>,
    refused: Arc<Mutex<Option<String>>>,
}

impl ServerCertVerifier for Checker {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let Some(webpki) = &self.webpki else {
            return Ok(ServerCertVerified::assertion());
        };
        let error = match webpki.verify_server_cert(
            end_entity,
            intermediates,
            server_name,
            ocsp_response,
            now,
        ) {
            Ok(ok) => return Ok(ok),
            Err(e) => e,
        };
        let why = match &error {
            rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            ) => {
                if !self.names {
                    // verify-ca: signed by a trusted CA is enough.
                    return Ok(ServerCertVerified::assertion());
                }
                format!(
                    "the server's certificate is not for {} (sslmode=verify-full)",
                    server_name.to_str()
                )
            }
            rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer) => {
                format!("the server's certificate is not signed by {}", self.trusted)
            }
            rustls::Error::InvalidCertificate(
                CertificateError::Expired | CertificateError::ExpiredContext { .. },
            ) => "the server's certificate has expired".into(),
            other => format!("the server's certificate was refused: {other}"),
        };
        if let Ok(mut r) = self.refused.lock() {
            *r = Some(why);
        }
        Err(error)
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

/// A TLS connector that notes when the server took up TLS: the driver asks for
/// the handshake only after the server said yes, and `prefer` tries again
/// without TLS only when TLS was tried (libpq does the same).
pub struct Offered<T> {
    inner: T,
    offered: Arc<AtomicBool>,
}

impl<S, T: postgres::tls::MakeTlsConnect<S>> postgres::tls::MakeTlsConnect<S> for Offered<T> {
    type Stream = T::Stream;
    type TlsConnect = Offered<T::TlsConnect>;
    type Error = T::Error;

    fn make_tls_connect(&mut self, domain: &str) -> Result<Self::TlsConnect, Self::Error> {
        Ok(Offered {
            inner: self.inner.make_tls_connect(domain)?,
            offered: self.offered.clone(),
        })
    }
}

impl<S, T: postgres::tls::TlsConnect<S>> postgres::tls::TlsConnect<S> for Offered<T> {
    type Stream = T::Stream;
    type Error = T::Error;
    type Future = T::Future;

    fn connect(self, stream: S) -> T::Future {
        self.offered.store(true, Ordering::SeqCst);
        self.inner.connect(stream)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn taken(s: &str) -> (String, TlsSettings) {
        take_tls_options(s).unwrap()
    }

    #[test]
    fn tls_options_leave_the_url_and_the_rest_of_its_query() {
        let (rest, tls) = taken(
            "postgres://desk@db.kantor.local/bcare?sslmode=verify-full&sslrootcert=%2Fetc%2Fkantor%20ca.pem&application_name=x",
        );
        assert_eq!(
            rest,
            "postgres://desk@db.kantor.local/bcare?application_name=x"
        );
        assert_eq!(tls.mode, SslMode::VerifyFull);
        assert_eq!(tls.root, Some(Trust::File("/etc/kantor ca.pem".into())));
        let (rest, tls) = taken("postgres://desk@db/bcare?sslmode=require");
        assert_eq!(rest, "postgres://desk@db/bcare");
        assert_eq!((tls.mode, tls.root), (SslMode::Require, None));
        let (rest, tls) = taken("postgres://desk@db/bcare");
        assert_eq!(rest, "postgres://desk@db/bcare");
        assert_eq!(tls.mode, SslMode::Prefer);
    }

    #[test]
    fn tls_options_leave_the_connection_string() {
        let (rest, tls) = taken(
            "host=db.kantor.local sslrootcert = '/etc/ssl/kantor\\'s ca.pem' dbname=bcare sslmode=verify-ca password='a b'",
        );
        assert_eq!(rest, "host=db.kantor.local dbname=bcare password='a b'");
        assert_eq!(tls.mode, SslMode::VerifyCa);
        assert_eq!(
            tls.root,
            Some(Trust::File("/etc/ssl/kantor's ca.pem".into()))
        );
        let (_, tls) = taken("host=db sslrootcert=system");
        assert_eq!(tls.root, Some(Trust::System));
        // An unterminated quote is the driver's to name.
        let (rest, _) = taken("host=db sslmode=require password='oops");
        assert_eq!(rest, "host=db sslmode=require password='oops");
    }

    #[test]
    fn allow_and_unknown_modes_are_refused_by_name() {
        let e = take_tls_options("postgres://db/bcare?sslmode=allow").unwrap_err();
        assert!(e.contains("sslmode=allow is not supported"), "{e}");
        let e = take_tls_options("host=db sslmode=sometimes").unwrap_err();
        assert!(e.contains("sslmode"), "{e}");
    }

    #[test]
    fn a_root_file_without_certificates_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("ca.pem");
        std::fs::write(&empty, "not a certificate\n").unwrap();
        let e = roots(&Trust::File(empty.clone())).unwrap_err();
        assert!(e.contains("holds no PEM certificate"), "{e}");
        let e = roots(&Trust::File(dir.path().join("missing.pem"))).unwrap_err();
        assert!(
            e.starts_with("sslrootcert ") && e.contains("missing.pem"),
            "{e}"
        );
        assert!(!roots(&Trust::System).unwrap().is_empty());
    }
}
