package org.leadline.server.plugins.egress;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which addresses a plugin may connect to. Refused unless allowed: the networks of the
 * installation itself and of its cloud ({@link #REFUSED}); everything else is allowed. A platform
 * administrator allows exceptions with {@code leadline.egress.allow}: host names ({@code
 * mail.internal}, {@code *.corp.example}), addresses and CIDR blocks ({@code 10.1.2.3},
 * {@code 10.20.0.0/16}, {@code [fd12::/64]}), each optionally with a port ({@code
 * mail.internal:993}, {@code [fd12::1]:8443}), separated by commas or white space.
 *
 * <p>IPv4 addresses inside IPv6 ones (mapped {@code ::ffff:a.b.c.d}, NAT64 {@code 64:ff9b::/96},
 * 6to4 {@code 2002::/16}, compatible {@code ::a.b.c.d}) are judged by the IPv4 address they carry.
 */
public final class EgressPolicy {

    /** Refused by default, with why. */
    static final List<AddressRange> REFUSED = List.of(
            AddressRange.parse("0.0.0.0/8"),        // "this network", unspecified
            AddressRange.parse("10.0.0.0/8"),       // private (RFC 1918)
            AddressRange.parse("100.64.0.0/10"),    // carrier-grade NAT (RFC 6598)
            AddressRange.parse("127.0.0.0/8"),      // loopback
            AddressRange.parse("169.254.0.0/16"),   // link-local, cloud metadata 169.254.169.254
            AddressRange.parse("172.16.0.0/12"),    // private
            AddressRange.parse("192.0.0.0/24"),     // IETF protocol assignments (e.g. 192.0.0.192 metadata of some clouds)
            AddressRange.parse("192.168.0.0/16"),   // private
            AddressRange.parse("198.18.0.0/15"),    // benchmarking, used inside data centres
            AddressRange.parse("224.0.0.0/4"),      // multicast
            AddressRange.parse("240.0.0.0/4"),      // reserved, broadcast
            AddressRange.parse("::/128"),           // unspecified
            AddressRange.parse("::1/128"),          // loopback
            AddressRange.parse("100::/64"),         // discard-only
            AddressRange.parse("fc00::/7"),         // unique local, cloud metadata fd00:ec2::254
            AddressRange.parse("fe80::/10"),        // link-local
            AddressRange.parse("fec0::/10"),        // site-local (deprecated, still routed by some)
            AddressRange.parse("ff00::/8"));        // multicast

    private static final AddressRange NAT64 = AddressRange.parse("64:ff9b::/96");
    private static final AddressRange SIX_TO_FOUR = AddressRange.parse("2002::/16");
    private static final AddressRange COMPATIBLE = AddressRange.parse("::/96");

    /** One entry of the allow-list. */
    record Allowed(String host, AddressRange range, Integer port) {

        boolean matches(String requestedHost, InetAddress address, int requestedPort) {
            if (port != null && requestedPort >= 0 && port != requestedPort) {
                return false;
            }
            if (range != null) {
                return range.contains(address) || range.contains(carried(address));
            }
            String name = requestedHost == null ? "" : requestedHost.toLowerCase(Locale.ROOT);
            if (name.endsWith(".")) {
                name = name.substring(0, name.length() - 1);
            }
            return host.startsWith("*.") ? name.endsWith(host.substring(1)) : name.equals(host);
        }
    }

    private final List<Allowed> allowed;

    private EgressPolicy(List<Allowed> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** The default policy with the exceptions of {@code allowList}; throws {@link IllegalArgumentException} on a bad entry. */
    public static EgressPolicy of(String allowList) {
        List<Allowed> entries = new ArrayList<>();
        if (allowList != null) {
            for (String raw : allowList.split("[,\\s]+")) {
                if (!raw.isBlank()) {
                    entries.add(entry(raw.strip()));
                }
            }
        }
        return new EgressPolicy(entries);
    }

    private static Allowed entry(String raw) {
        String target = raw;
        Integer port = null;
        if (raw.startsWith("[")) {
            int close = raw.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + raw + "' lacks its closing ]");
            }
            target = raw.substring(1, close);
            String rest = raw.substring(close + 1);
            if (!rest.isEmpty()) {
                port = port(raw, rest.startsWith(":") ? rest.substring(1) : rest);
            }
        } else if (raw.indexOf(':') >= 0 && raw.indexOf(':') == raw.lastIndexOf(':')) {
            target = raw.substring(0, raw.indexOf(':'));
            port = port(raw, raw.substring(raw.indexOf(':') + 1));
        }
        if (AddressRange.literal(target.contains("/") ? target.substring(0, target.indexOf('/')) : target).isPresent()) {
            return new Allowed(null, AddressRange.parse(target), port);
        }
        String host = target.toLowerCase(Locale.ROOT);
        if (!host.matches("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")) {
            throw new IllegalArgumentException("'" + raw + "' is not a host name, IP address or CIDR block");
        }
        return new Allowed(host, null, port);
    }

    private static Integer port(String raw, String text) {
        try {
            int p = Integer.parseInt(text);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("'" + raw + "' has no port between 1 and 65535 after its colon");
    }

    /** Whether a connection to {@code address} (which {@code host} resolved to) on {@code port} may be made. */
    public boolean permits(String host, InetAddress address, int port) {
        for (Allowed a : allowed) {
            if (a.matches(host, address, port)) {
                return true;
            }
        }
        return !internal(address);
    }

    /** Whether the address belongs to the networks refused by default. */
    static boolean internal(InetAddress address) {
        InetAddress judged = carried(address);
        for (AddressRange r : REFUSED) {
            if (r.contains(judged)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why a setting's host is refused when it is saved: a literal IP address the policy refuses on
     * {@code port} (-1: any port). Host names are judged when connecting, as their addresses may
     * change; that check is the guard, this one tells the administrator at once.
     */
    public Optional<String> refusesLiteral(String host, int port) {
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        Optional<InetAddress> literal = AddressRange.literal(host.strip());
        if (literal.isPresent() && !permits(host.strip(), literal.get(), port)) {
            return Optional.of("is an internal address that outbound connections may not go to");
        }
        return Optional.empty();
    }

    /** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), or the address itself. */
    static InetAddress carried(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] a = address.getAddress();
        byte[] v4 = null;
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= a[i] == 0;
        }
        if (mapped && a[10] == (byte) 0xFF && a[11] == (byte) 0xFF) {
            v4 = java.util.Arrays.copyOfRange(a, 12, 16);
        } else if (NAT64.contains(address) || (COMPATIBLE.contains(address) && !isZeroOrOne(a))) {
            v4 = java.util.Arrays.copyOfRange(a, 12, 16);
        } else if (SIX_TO_FOUR.contains(address)) {
            v4 = java.util.Arrays.copyOfRange(a, 2, 6);
        }
        if (v4 == null) {
            return address;
        }
        try {
            return InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static boolean isZeroOrOne(byte[] a) {
        for (int i = 0; i < 15; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[15] == 0 || a[15] == 1;
    }

    @Override
    public String toString() {
        return "EgressPolicy" + allowed;
    }
}
