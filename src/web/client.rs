//! The address of the client behind a request (see `domain::client`).

use std::net::{IpAddr, Ipv4Addr};

use actix_web::HttpRequest;

use super::AppState;
use crate::domain::client::client_address;

pub fn client_of(req: &HttpRequest, state: &AppState) -> IpAddr {
    let peer = req.peer_addr().map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |addr| addr.ip());
    let forwarded_for = req.headers().get("X-Forwarded-For").and_then(|v| v.to_str().ok());
    client_address(peer, forwarded_for, &state.trusted_proxies)
}
