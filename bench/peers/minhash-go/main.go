// Peer driver: MinHash signatures with github.com/ekzhu/minhash-lsh (Debian's
// golang-github-ekzhu-minhash-lsh-dev) over the same documents and the same shingling as
// corroborate (lower-cased words of letters and digits, 5-word shingles, 128 hashes).
// Reads documents separated by NUL bytes on stdin; prints {"seconds", "bytes", "docs"}
// for tokenise + shingle + hash, as corroborate's BM_Dedup/fingerprint measures.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"time"

	minhashlsh "github.com/ekzhu/minhash-lsh"
)

func isWord(c byte) bool {
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80
}

func main() {
	data, err := io.ReadAll(bufio.NewReader(os.Stdin))
	if err != nil {
		panic(err)
	}
	docs := bytes.Split(data, []byte{0})
	start := time.Now()
	total := 0
	sink := uint64(0)
	for _, doc := range docs {
		total += len(doc)
		m := minhashlsh.NewMinhash(42, 128)
		var words [][]byte
		i := 0
		for i < len(doc) {
			for i < len(doc) && !isWord(doc[i]) {
				i++
			}
			b := i
			for i < len(doc) && isWord(doc[i]) {
				i++
			}
			if i > b {
				words = append(words, bytes.ToLower(doc[b:i]))
			}
		}
		for k := 0; k+5 <= len(words); k++ {
			m.Push(bytes.Join(words[k:k+5], []byte{' '}))
		}
		sink += m.Signature()[0]
	}
	secs := time.Since(start).Seconds()
	json.NewEncoder(os.Stdout).Encode(map[string]interface{}{"seconds": secs, "bytes": total, "docs": len(docs), "sink": sink})
}
