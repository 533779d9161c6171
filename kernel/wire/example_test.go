package wire_test

import (
	"fmt"

	"github.com/gokernel/gokernel/kernel/wire"
)

func Example() {
	signer := wire.NewSigner([]byte("secret-key"))
	req := &wire.Message{
		Identities: [][]byte{[]byte("client-1")},
		Header:     wire.Header{MsgID: "1", MsgType: "kernel_info_request", Session: "s", Version: "5.3"},
	}
	frames := wire.Encode(req, signer)
	fmt.Printf("%s | %s | %d-char signature | %s\n", frames[0], frames[1], len(frames[2]), frames[3])

	got, err := wire.Decode(frames, signer)
	fmt.Println(got.Header.MsgType, string(got.Identities[0]), string(got.Content), err)

	frames[3] = []byte(`{"msg_id":"1","msg_type":"shutdown_request"}`) // tampered
	_, err = wire.Decode(frames, signer)
	fmt.Println(err)
	// Output:
	// client-1 | <IDS|MSG> | 64-char signature | {"msg_id":"1","session":"s","username":"","date":"","msg_type":"kernel_info_request","version":"5.3"}
	// kernel_info_request client-1 {} <nil>
	// wire: bad signature
}
