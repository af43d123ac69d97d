//! The simulator served over real HTTP (`bcare-desk simulate`), speaking the same
//! contract as the http client expects:
//!
//! - `POST /tickets`, header `Idempotency-Key`, body the report as JSON →
//!   `201 {"ticket_no", "status"}`; the same key again → `200` with the same ticket.
//! - `GET /tickets/{ticket_no}` → `200 {"ticket_no", "status"}` or `404`.
//! - `GET /health` → `200 {"status": "ok"}`.
//!
//! A hand-rolled HTTP/1.1 server (one request per connection) rather than a library,
//! because the drills need to misbehave at the socket: close after creating a ticket,
//! stall past the client's time-out, send a body that is not JSON.

use super::BcareReport;
use super::sim::{Fault, Outcome, Simulator};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

const MAX_HEADER_BYTES: usize = 64 * 1024;
const MAX_BODY_BYTES: usize = 1024 * 1024;

/// A running simulator server; stops when dropped.
pub struct SimServer {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl SimServer {
    /// Listens on `addr` (port 0: the OS picks) and serves in a background thread.
    pub fn start(addr: SocketAddr, sim: Arc<Simulator>) -> io::Result<SimServer> {
        SimServer::serve(addr, Arc::new(move |stream| handle(stream, &sim)))
    }

    /// Serves each connection with `handler` on a thread of its own.
    pub(super) fn serve(addr: SocketAddr, handler: Handler) -> io::Result<SimServer> {
        let listener = TcpListener::bind(addr)?;
        let addr = listener.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let thread = std::thread::Builder::new()
            .name("bcare-sim-server".into())
            .spawn(move || accept_loop(listener, handler, flag))?;
        Ok(SimServer {
            addr,
            stop,
            thread: Some(thread),
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The base URL to put in `[bcare] url`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Serves until the process is killed.
    pub fn join(mut self) {
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }

    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the blocking accept so the loop sees the flag.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_millis(200));
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for SimServer {
    fn drop(&mut self) {
        if self.thread.is_some() {
            self.shutdown();
        }
    }
}

/// What serves one connection.
pub(super) type Handler = Arc<dyn Fn(TcpStream) -> io::Result<()> + Send + Sync>;

fn accept_loop(listener: TcpListener, handler: Handler, stop: Arc<AtomicBool>) {
    for stream in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else { continue };
        let handler = handler.clone();
        let _ = std::thread::Builder::new()
            .name("bcare-sim-conn".into())
            .spawn(move || {
                if let Err(e) = handler(stream) {
                    tracing::debug!(error = %e, "simulator connection ended");
                }
            });
    }
}

pub(super) struct Request {
    pub(super) method: String,
    pub(super) path: String,
    headers: Vec<(String, String)>,
    pub(super) body: Vec<u8>,
}

impl Request {
    pub(super) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

pub(super) fn read_request(stream: &TcpStream) -> io::Result<Request> {
    let bad = |m: &str| io::Error::new(io::ErrorKind::InvalidData, m.to_string());
    let mut reader = BufReader::new(stream.take((MAX_HEADER_BYTES + MAX_BODY_BYTES) as u64));
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let (Some(method), Some(path)) = (parts.next(), parts.next()) else {
        return Err(bad("no request line"));
    };
    let (method, path) = (method.to_string(), path.to_string());
    let mut headers = Vec::new();
    let mut header_bytes = 0;
    loop {
        line.clear();
        let n = reader.read_line(&mut line)?;
        header_bytes += n;
        if n == 0 || header_bytes > MAX_HEADER_BYTES {
            return Err(bad("headers cut short or too long"));
        }
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((name, value)) = l.split_once(':') {
            headers.push((name.trim().to_string(), value.trim().to_string()));
        }
    }
    let mut req = Request {
        method,
        path,
        headers,
        body: Vec::new(),
    };
    let len: usize = req
        .header("content-length")
        .map(|v| v.parse().map_err(|_| bad("bad content-length")))
        .transpose()?
        .unwrap_or(0);
    if len > MAX_BODY_BYTES {
        return Err(bad("body too large"));
    }
    req.body.resize(len, 0);
    reader.read_exact(&mut req.body)?;
    Ok(req)
}

pub(super) fn respond(
    mut stream: &TcpStream,
    status: u16,
    extra: &[(&str, String)],
    content_type: &str,
    body: &str,
) -> io::Result<()> {
    let reason = match status {
        200 => "OK",
        401 => "Unauthorized",
        201 => "Created",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
    let mut head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in extra {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body.as_bytes())?;
    stream.flush()
}

pub(super) fn json(stream: &TcpStream, status: u16, value: serde_json::Value) -> io::Result<()> {
    respond(stream, status, &[], "application/json", &value.to_string())
}

pub(super) fn error(stream: &TcpStream, status: u16, message: &str) -> io::Result<()> {
    json(stream, status, serde_json::json!({ "error": message }))
}

fn handle(stream: TcpStream, sim: &Simulator) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let req = read_request(&stream)?;
    let path = req.path.split('?').next().unwrap_or("");
    match (req.method.as_str(), path) {
        ("GET", "/health") => json(&stream, 200, serde_json::json!({ "status": "ok" })),
        ("POST", "/tickets") => create(&stream, sim, &req),
        ("GET", p) if p.starts_with("/tickets/") => {
            let no = &p["/tickets/".len()..];
            match sim.status(no) {
                Some(status) => json(
                    &stream,
                    200,
                    serde_json::json!({ "ticket_no": no, "status": status }),
                ),
                None => error(&stream, 404, "no such ticket"),
            }
        }
        (_, "/tickets") | (_, "/health") => error(&stream, 405, "method not allowed"),
        _ => error(&stream, 404, "not found"),
    }
}

fn create(stream: &TcpStream, sim: &Simulator, req: &Request) -> io::Result<()> {
    let Some(key) = req.header("idempotency-key").filter(|k| !k.is_empty()) else {
        return error(stream, 400, "the Idempotency-Key header is required");
    };
    if let Err(e) = serde_json::from_slice::<BcareReport>(&req.body) {
        return error(stream, 400, &format!("the body is not a report: {e}"));
    }
    std::thread::sleep(sim.settings().delay);
    match sim.create(key) {
        Outcome::Ticket {
            ticket_no,
            status,
            created,
        } => json(
            stream,
            if created { 201 } else { 200 },
            serde_json::json!({ "ticket_no": ticket_no, "status": status }),
        ),
        Outcome::Fault(Fault::Status(s)) => error(stream, s, "simulated failure"),
        Outcome::Fault(Fault::TooManyRequests { retry_after_secs }) => respond(
            stream,
            429,
            &[("Retry-After", retry_after_secs.to_string())],
            "application/json",
            r#"{"error":"slow down"}"#,
        ),
        Outcome::Fault(Fault::DropAnswer) => stream.shutdown(Shutdown::Both),
        Outcome::Fault(Fault::Stall(d)) => {
            std::thread::sleep(d);
            let ticket_no = sim.issue_for(key);
            let status = sim.status(&ticket_no).unwrap_or_default();
            json(
                stream,
                201,
                serde_json::json!({ "ticket_no": ticket_no, "status": status }),
            )
        }
        Outcome::Fault(Fault::Malformed) => respond(
            stream,
            201,
            &[],
            "text/html",
            "<html><body>Gateway says hello</body></html>",
        ),
    }
}
