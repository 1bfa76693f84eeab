// Package relay imports sync under another name; the pool is still a
// sync.Pool.
package relay

import (
	"net"
	gosync "sync"
)

var packetPool = gosync.Pool{
	New: func() any { return new([1500]byte) },
}

var addrPool = &gosync.Pool{}

func forward(conn net.Conn, payload []byte) error {
	_, err := conn.Write(payload)
	packetPool.Put(payload) // want "pool-put-non-pointer"
	return err
}

func rememberPeer(host string, port string) {
	addr := net.JoinHostPort(host, port)
	var key string = addr
	addrPool.Put(key) // want "pool-put-non-pointer"
}

func forwardPacket(conn net.Conn) error {
	pkt := packetPool.Get().(*[1500]byte)
	defer packetPool.Put(pkt) // pointer to an array: pointer-shaped, fine
	_, err := conn.Read(pkt[:])
	return err
}
