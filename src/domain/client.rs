//! Who is on the other end of a request, for the sign-in throttle: the connection's peer,
//! unless the peer is one of our own proxies, which then says who it forwards for in
//! `X-Forwarded-For`. Only trusted proxies are believed: anyone else could write any
//! address there and dodge the throttle.

use std::net::IpAddr;

use ipnet::IpNet;

/// The client's address: walking `X-Forwarded-For` from the nearest hop back, the first
/// address that is not a trusted proxy (a client can prepend anything it likes, so the
/// entries before that one are not believed).
pub fn client_address(peer: IpAddr, forwarded_for: Option<&str>, trusted: &[IpNet]) -> IpAddr {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    let Some(forwarded_for) = forwarded_for else { return peer };
    let mut client = peer;
    for hop in forwarded_for.rsplit(',') {
        let Ok(ip) = hop.trim().parse::<IpAddr>() else { break };
        client = ip;
        if !is_trusted(&ip) {
            break;
        }
    }
    client
}

/// `TRUSTED_PROXIES`: addresses or networks, separated by commas (`10.0.0.0/8, ::1`).
pub fn parse_trusted_proxies(raw: &str) -> Result<Vec<IpNet>, String> {
    raw.split(',')
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .map(|entry| {
            entry
                .parse::<IpNet>()
                .or_else(|_| entry.parse::<IpAddr>().map(IpNet::from))
                .map_err(|_| format!("TRUSTED_PROXIES: `{entry}` is not an address or a network such as 10.0.0.0/8"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("an address")
    }

    #[test]
    fn without_trusted_proxies_the_peer_is_the_client_whatever_the_header_says() {
        assert_eq!(client_address(ip("203.0.113.9"), Some("198.51.100.1"), &[]), ip("203.0.113.9"));
    }

    #[test]
    fn a_trusted_proxy_names_the_client_and_forged_entries_before_it_are_ignored() {
        let trusted = parse_trusted_proxies("10.0.0.0/8, 127.0.0.1").expect("valid");
        let forged = Some("1.2.3.4, 198.51.100.7, 10.0.0.5");
        assert_eq!(client_address(ip("127.0.0.1"), forged, &trusted), ip("198.51.100.7"));
        assert_eq!(client_address(ip("127.0.0.1"), None, &trusted), ip("127.0.0.1"));
        assert_eq!(client_address(ip("127.0.0.1"), Some("garbage"), &trusted), ip("127.0.0.1"));
    }

    #[test]
    fn bad_entries_are_refused_by_name() {
        assert!(parse_trusted_proxies("10.0.0.0/8, not-an-ip").is_err());
        assert_eq!(parse_trusted_proxies("").map(|v| v.len()), Ok(0));
    }
}
