//! A desk on a temp database, a settable clock, and the simulator on a port the OS picks.
#![allow(dead_code)]

use bcare_desk::bcare::backoff::{Backoff, Rng};
use bcare_desk::bcare::http::HttpClient;
use bcare_desk::bcare::server::SimServer;
use bcare_desk::bcare::sim::{SimSettings, Simulator};
use bcare_desk::config::{ClientKind, Config};
use bcare_desk::desk::outbox::Deliverer;
use bcare_desk::desk::{Clock, Desk};
use bcare_desk::domain::intake::IntakeForm;
use bcare_desk::store::Store;
use chrono::{DateTime, TimeZone, Utc};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

/// Monday 30 November 2026, 09:00 WITA: inside working hours.
pub fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 1, 0, 0).unwrap()
}

pub struct Bench {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
    pub config: Config,
    pub desk: Desk,
    /// A connection of its own, as the worker has: what the tests hand the
    /// deliverer and the follower, and read the rows through.
    store: Store,
    now: Arc<AtomicI64>,
}

impl Bench {
    /// A desk whose `[bcare]` client is http at `url`.
    pub fn http(url: &str) -> Bench {
        Bench::http_on(url, start_clock())
    }

    /// As `http`, on a clock made beforehand with `start_clock` (one the
    /// simulator reads too, so stepping it ages the tickets as well).
    pub fn http_on(url: &str, now: Arc<AtomicI64>) -> Bench {
        let mut config = Config::default();
        config.officer.name = Some("Petugas Uji".into());
        config.bcare.client = ClientKind::Http;
        config.bcare.url = Some(url.to_string());
        config.bcare.timeout_secs = 2;
        Bench::on_clock(config, now)
    }

    pub fn with_config(config: Config) -> Bench {
        Bench::on_clock(config, start_clock())
    }

    /// A desk with this config on a clock made beforehand with `start_clock`.
    pub fn on_clock(config: Config, now: Arc<AtomicI64>) -> Bench {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("desk.db");
        let desk = Desk::open(&db, config.clone(), None, clock(&now)).unwrap();
        let mut store = Store::open(&db).unwrap();
        store.set_desk(&bcare_desk::desk::desk_name(&config));
        Bench {
            dir,
            db,
            config,
            desk,
            store,
            now,
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn clock(&self) -> Clock {
        clock(&self.now)
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.desk.now()
    }

    /// Moves the desk's clock on: past any backoff, without sleeping.
    pub fn advance(&self, secs: i64) {
        self.now.fetch_add(secs, Ordering::SeqCst);
    }

    /// Takes in a complaint and forwards it; returns its reference.
    pub fn intake_and_forward(&mut self, subject: &str) -> String {
        let reference = self.intake(subject);
        self.desk.forward(&reference).unwrap();
        reference
    }

    pub fn intake(&mut self, subject: &str) -> String {
        let form = IntakeForm {
            name: "Andi Wijaya".into(),
            kind: "pengguna-jasa".into(),
            org: "PT Samudra Makassar".into(),
            npwp: "01.234.567.8-901.000".into(),
            phone: "0812-3456-7890".into(),
            channel: "whatsapp".into(),
            category: "IMP".into(),
            subject: subject.into(),
            description: "Sudah kirim sejak pagi, belum ada respon.".into(),
            aju: vec!["000020-010017-20261127-000123".into()],
            ..Default::default()
        };
        self.desk.intake(&form).unwrap().0.reference
    }

    /// The background worker on the bench's database, config and clock.
    pub fn spawn_worker(&self, poll: Duration) -> bcare_desk::desk::worker::WorkerHandle {
        bcare_desk::desk::worker::spawn_with(
            self.db.clone(),
            self.config.clone(),
            self.clock(),
            bcare_desk::desk::worker::WorkerOptions {
                seed: Some(3),
                poll,
                ..Default::default()
            },
        )
        .unwrap()
    }

    /// A deliverer with the http client, a small backoff (1 s, cap 8 s) and a seed.
    pub fn deliverer(&self, timeout: Duration) -> Deliverer {
        let url = self.config.bcare.url.clone().unwrap();
        Deliverer::new(Box::new(HttpClient::new(&url, None, timeout)), &self.config)
            .unwrap()
            .with_backoff(
                Backoff {
                    base: Duration::from_secs(1),
                    cap: Duration::from_secs(8),
                },
                Rng::new(7),
            )
    }
}

/// The seconds a bench's clock stands at, from `start()`: step it with `fetch_add`.
pub fn start_clock() -> Arc<AtomicI64> {
    Arc::new(AtomicI64::new(start().timestamp()))
}

pub fn clock(now: &Arc<AtomicI64>) -> Clock {
    let now = now.clone();
    Arc::new(move || {
        Utc.timestamp_opt(now.load(Ordering::SeqCst), 0)
            .single()
            .unwrap()
    })
}

/// The simulator over real HTTP on 127.0.0.1, port chosen by the OS.
pub fn simulator() -> (Arc<Simulator>, SimServer) {
    let sim = Arc::new(Simulator::new(SimSettings::default()));
    let server = SimServer::start("127.0.0.1:0".parse().unwrap(), sim.clone()).unwrap();
    (sim, server)
}

/// A loopback port nobody listens on (for now).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// What a scripted endpoint does with one request.
#[derive(Clone)]
pub enum Script {
    /// Answer these raw bytes (status line, headers, body) and close.
    Answer(Vec<u8>),
    /// Read the request and never answer (a BCare that hangs).
    Hang,
}

/// An HTTP answer with a JSON body.
pub fn answer(status: &str, headers: &[(&str, &str)], body: &str) -> Script {
    answer_bytes(status, headers, body.as_bytes())
}

/// An HTTP answer whose body is these bytes, UTF-8 or not.
pub fn answer_bytes(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Script {
    let mut s = format!("HTTP/1.1 {status}\r\n");
    for (k, v) in headers {
        s.push_str(&format!("{k}: {v}\r\n"));
    }
    s.push_str(&format!(
        "Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    let mut raw = s.into_bytes();
    raw.extend_from_slice(body);
    Script::Answer(raw)
}

/// A loopback endpoint answering each request with the next script (the last one
/// repeats). Returns its base URL and the number of requests it has read.
pub fn scripted(scripts: Vec<Script>) -> (String, Arc<std::sync::atomic::AtomicUsize>) {
    use std::io::{BufRead, BufReader, Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let hits = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let seen = hits.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { return };
            let n = seen.fetch_add(1, Ordering::SeqCst);
            let script = scripts[n.min(scripts.len() - 1)].clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut length = 0usize;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                        length = v.trim().parse().unwrap_or(0);
                    }
                    if line == "\r\n" {
                        break;
                    }
                }
                let mut body = vec![0; length];
                let _ = reader.read_exact(&mut body);
                match script {
                    Script::Answer(raw) => {
                        let mut s = stream;
                        let _ = s.write_all(&raw);
                    }
                    Script::Hang => {
                        std::thread::sleep(Duration::from_secs(600));
                        drop(stream);
                    }
                }
            });
        }
    });
    (url, hits)
}

/// An https endpoint on loopback that presents a certificate authority's own
/// certificate as its server certificate (a client refuses it:
/// `CaUsedAsEndEntity`). Returns its URL and how many connections it took.
pub fn tls_with_a_ca_certificate() -> (String, Arc<std::sync::atomic::AtomicUsize>) {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    use std::io::Read;
    const PEM: &[u8] = include_bytes!("ca_as_server.pem");
    let certs = CertificateDer::pem_slice_iter(PEM)
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    let key = PrivateKeyDer::from_pem_slice(PEM).unwrap();
    let config = Arc::new(
        rustls::ServerConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .unwrap(),
    );
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("https://{}", listener.local_addr().unwrap());
    let hits = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let seen = hits.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { return };
            seen.fetch_add(1, Ordering::SeqCst);
            let config = config.clone();
            std::thread::spawn(move || {
                let conn = rustls::ServerConnection::new(config).unwrap();
                let mut tls = rustls::StreamOwned::new(conn, stream);
                // The handshake runs inside this read, until the client gives up.
                let _ = tls.read(&mut [0; 1]);
            });
        }
    });
    (url, hits)
}
