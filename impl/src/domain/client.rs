//! Which requests come from one client, for the per-address limits (the
//! request rate and failed sign-ins, OWASP ASVS 2.2.1).
//!
//! An IPv4 address is one client. An IPv6 client usually holds a whole
//! prefix (a /64 for one subscriber, RFC 6177) and can send each request
//! from another address of it, so IPv6 addresses are counted by their
//! prefix. An IPv4-mapped IPv6 address (`::ffff:192.0.2.1`) is its IPv4
//! address.

use std::fmt;
use std::net::{IpAddr, Ipv6Addr};

/// The prefix length IPv6 addresses are grouped by unless configured.
pub const DEFAULT_IPV6_PREFIX: u8 = 64;

/// How addresses are grouped into clients.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AddressGrouping {
    ipv6_prefix: u8,
}

impl Default for AddressGrouping {
    fn default() -> Self {
        Self { ipv6_prefix: DEFAULT_IPV6_PREFIX }
    }
}

impl AddressGrouping {
    /// IPv6 addresses grouped by their first `ipv6_prefix` bits (1 to 128;
    /// 128 counts each address alone); `None` outside that range.
    pub fn new(ipv6_prefix: u8) -> Option<Self> {
        (1..=128).contains(&ipv6_prefix).then_some(Self { ipv6_prefix })
    }

    /// The client `ip` belongs to.
    pub fn client_of(&self, ip: IpAddr) -> ClientAddress {
        match ip.to_canonical() {
            IpAddr::V4(v4) => ClientAddress { network: IpAddr::V4(v4), prefix: 32 },
            IpAddr::V6(v6) => {
                let mask = u128::MAX << (128 - u32::from(self.ipv6_prefix));
                let network = Ipv6Addr::from(u128::from(v6) & mask);
                ClientAddress { network: IpAddr::V6(network), prefix: self.ipv6_prefix }
            }
        }
    }
}

/// One client for the limits: an IPv4 address, or an IPv6 prefix. Shown
/// as the address (IPv4) or in CIDR notation (IPv6, `2001:db8:1:2::/64`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClientAddress {
    network: IpAddr,
    prefix: u8,
}

impl fmt::Display for ClientAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.network {
            IpAddr::V4(v4) => write!(f, "{v4}"),
            IpAddr::V6(v6) => write!(f, "{v6}/{}", self.prefix),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(grouping: AddressGrouping, ip: &str) -> String {
        grouping.client_of(ip.parse().unwrap()).to_string()
    }

    #[test]
    fn ipv6_addresses_of_one_prefix_are_one_client() {
        let grouping = AddressGrouping::default();
        assert_eq!(client(grouping, "2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
        assert_eq!(client(grouping, "2001:db8:1:2:ffff:ffff:ffff:ffff"), "2001:db8:1:2::/64");
        assert_ne!(client(grouping, "2001:db8:1:3::1"), "2001:db8:1:2::/64");
        let wider = AddressGrouping::new(48).unwrap();
        assert_eq!(client(wider, "2001:db8:1:2::1"), client(wider, "2001:db8:1:ffff::1"));
        let each = AddressGrouping::new(128).unwrap();
        assert_ne!(client(each, "2001:db8::1"), client(each, "2001:db8::2"));
    }

    #[test]
    fn ipv4_addresses_are_clients_of_their_own_also_when_mapped() {
        let grouping = AddressGrouping::default();
        assert_eq!(client(grouping, "192.0.2.1"), "192.0.2.1");
        assert_ne!(client(grouping, "192.0.2.1"), client(grouping, "192.0.2.2"));
        assert_eq!(client(grouping, "::ffff:192.0.2.1"), "192.0.2.1");
    }

    #[test]
    fn prefixes_outside_an_address_are_refused() {
        assert!(AddressGrouping::new(0).is_none());
        assert!(AddressGrouping::new(129).is_none());
        assert!(AddressGrouping::new(1).is_some());
    }
}
