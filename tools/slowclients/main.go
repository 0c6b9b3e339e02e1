// Command slowclients fetches one URL with many clients at once, each
// reading the body at a fixed rate through a small receive buffer, as
// phones on a slow network do: the server must hold every connection open
// for the whole transfer. It prints one line for tools/loadtest.sh:
//
//	RESULT <completed> <errors> <p50 ms> <p99 ms> <seconds for all>
package main

import (
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"slices"
	"sync"
	"syscall"
	"time"
)

func main() {
	url := flag.String("url", "", "URL to fetch (loopback only)")
	n := flag.Int("n", 100, "clients, all at once")
	rate := flag.Int("rate", 256<<10, "bytes per second each client reads")
	encoding := flag.String("accept-encoding", "br", "Accept-Encoding sent")
	size := flag.Int64("size", -1, "body size expected; another size is an error")
	timeout := flag.Duration("timeout", 60*time.Second, "longest a client may take")
	flag.Parse()
	if *url == "" {
		fmt.Fprintln(os.Stderr, "slowclients: -url is required")
		os.Exit(2)
	}
	dialer := &net.Dialer{
		// A small receive buffer, so the bytes wait in the server's socket,
		// not in this one: the transfer is as slow for the server as it is
		// for the client.
		Control: func(network, address string, c syscall.RawConn) error {
			var err error
			c.Control(func(fd uintptr) { err = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 16<<10) })
			return err
		},
	}
	client := &http.Client{
		Timeout:   *timeout,
		Transport: &http.Transport{DialContext: dialer.DialContext, DisableCompression: true, MaxIdleConnsPerHost: -1},
	}
	var (
		mu     sync.Mutex
		times  []time.Duration
		errors int
		wg     sync.WaitGroup
	)
	start := time.Now()
	for range *n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t0 := time.Now()
			got, err := fetch(client, *url, *encoding, *rate)
			mu.Lock()
			defer mu.Unlock()
			if err != nil || *size >= 0 && got != *size {
				if err == nil {
					err = fmt.Errorf("%d bytes, want %d", got, *size)
				}
				fmt.Fprintln(os.Stderr, "slowclients:", err)
				errors++
				return
			}
			times = append(times, time.Since(t0))
		}()
	}
	wg.Wait()
	all := time.Since(start)
	slices.Sort(times)
	pct := func(p float64) float64 {
		if len(times) == 0 {
			return 0
		}
		return float64(times[min(len(times)-1, int(p*float64(len(times))))].Milliseconds())
	}
	fmt.Printf("RESULT %d %d %.0f %.0f %.2f\n", len(times), errors, pct(0.5), pct(0.99), all.Seconds())
}

// fetch GETs url and reads the body at rate bytes per second, in tenths
// of a second; it returns the bytes read.
func fetch(client *http.Client, url, encoding string, rate int) (int64, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Accept-Encoding", encoding)
	res, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("GET %s: %s", url, res.Status)
	}
	var total int64
	chunk := max(1, rate/10)
	for {
		t0 := time.Now()
		n, err := io.CopyN(io.Discard, res.Body, int64(chunk))
		total += n
		if err == io.EOF {
			return total, nil
		}
		if err != nil {
			return total, err
		}
		time.Sleep(100*time.Millisecond - time.Since(t0))
	}
}
