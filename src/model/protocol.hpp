// The IP protocols a security-group or network-ACL rule names. Security
// groups and NACL entries take TCP, UDP, ICMP or every protocol
// (EC2 API reference, IpPermission.IpProtocol and CreateNetworkAclEntry:
// a name or IANA number, -1 for all); archc writes these four.
#pragma once

#include <optional>
#include <string_view>
#include <utility>

namespace archc::model {

enum class Protocol {
  Tcp,   // ports 0-65535
  Udp,   // ports 0-65535
  Icmp,  // no ports: every ICMP type and code
  All,   // every protocol and port
};

// As the source writes it and plan shows it: "tcp", "udp", "icmp", "all".
constexpr std::string_view protocol_name(Protocol p) {
  switch (p) {
    case Protocol::Tcp: return "tcp";
    case Protocol::Udp: return "udp";
    case Protocol::Icmp: return "icmp";
    case Protocol::All: return "all";
  }
  return "tcp";
}

// The IANA protocol number as both APIs take it (RFC 790, RFC 768,
// RFC 792): "6", "17", "1", and "-1" for all.
constexpr std::string_view protocol_number(Protocol p) {
  switch (p) {
    case Protocol::Tcp: return "6";
    case Protocol::Udp: return "17";
    case Protocol::Icmp: return "1";
    case Protocol::All: return "-1";
  }
  return "6";
}

// The same as a number: a NACL entry's Protocol in CloudFormation is an
// integer (AWS::EC2::NetworkAclEntry).
constexpr int protocol_code(Protocol p) {
  switch (p) {
    case Protocol::Tcp: return 6;
    case Protocol::Udp: return 17;
    case Protocol::Icmp: return 1;
    case Protocol::All: return -1;
  }
  return 6;
}

// As both APIs take the protocol of a rule (EC2 API, IpPermission.IpProtocol):
// its name, or -1 for every protocol.
constexpr std::string_view ip_protocol(Protocol p) { return p == Protocol::All ? protocol_number(p) : protocol_name(p); }

// Whether rules of this protocol carry a port range (TCP and UDP do).
constexpr bool has_ports(Protocol p) { return p == Protocol::Tcp || p == Protocol::Udp; }

// A rule's FromPort and ToPort as AWS takes and describes them: the ports
// lo..hi for TCP and UDP, ICMP's type and code (-1 and -1: every one), and
// none for all traffic.
constexpr std::optional<std::pair<int, int>> port_fields(Protocol p, int lo, int hi) {
  switch (p) {
    case Protocol::Tcp:
    case Protocol::Udp: return std::pair{lo, hi};
    case Protocol::Icmp: return std::pair{-1, -1};
    case Protocol::All: return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace archc::model
