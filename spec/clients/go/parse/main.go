// Reads the answers of ../../answers.json through the generated Go client: each is served by a
// local HTTP stub (httptest, 127.0.0.1, a free port) and must parse, or, for an error status,
// give the error body as the client's model. Any case the client cannot read fails the program
// (exit 1): an intolerant client (DisallowUnknownFields, a cap on a response field) fails here.
// check.sh runs it: go run ./parse ../answers.json
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"

	csbs "local.invalid/csbs/client"
)

type answerCase struct {
	Name    string            `json:"name"`
	Action  string            `json:"action"`
	Status  int               `json:"status"`
	Headers map[string]string `json:"headers"`
	Body    json.RawMessage   `json:"body"`
	Expect  struct {
		Results         []bool   `json:"results"`
		ResourceIDs     []string `json:"resource_ids"`
		ErrorCodes      []string `json:"error_codes"`
		ErrorMsgLengths []int    `json:"error_msg_lengths"`
		ErrorCode       string   `json:"error_code"`
		ErrorMsgLength  int      `json:"error_msg_length"`
	} `json:"expect"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: parse answers.json")
		os.Exit(2)
	}
	raw, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var doc struct {
		Cases []answerCase `json:"cases"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil || len(doc.Cases) == 0 {
		fmt.Fprintln(os.Stderr, "no cases in", os.Args[1], err)
		os.Exit(2)
	}
	failed := 0
	for _, c := range doc.Cases {
		if problem := check(c); problem != "" {
			fmt.Printf("   FAIL Go: %s: %s\n", c.Name, problem)
			failed++
		} else {
			fmt.Printf("   ok   Go: %s\n", c.Name)
		}
	}
	if failed > 0 {
		os.Exit(1)
	}
}

func check(c answerCase) string {
	stub := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for name, value := range c.Headers {
			w.Header().Set(name, value)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(c.Status)
		_, _ = w.Write(c.Body)
	}))
	defer stub.Close()

	cfg := csbs.NewConfiguration()
	cfg.Servers = csbs.ServerConfigurations{{URL: stub.URL}}
	client := csbs.NewAPIClient(cfg)
	ctx := context.WithValue(context.Background(), csbs.ContextAPIKeys,
		map[string]csbs.APIKey{"iamToken": {Key: "demo-token-project-a"}})
	request := csbs.NewResourceActionRequest()
	if c.Action == "check_protectable" {
		request.SetCheckProtectable([]csbs.ProtectableParam{
			*csbs.NewProtectableParam("5aa119a8-d25b-45a7-8d1b-88e127885635", "OS::Nova::Server")})
	} else {
		mapping := csbs.NewRestoreVolumeMapping("7ea119a8-d25b-43a7-8d1b-88e12788513a", "45baf976-c20a-4894-a7c3-c94b7376bf55")
		target := csbs.NewRestorableTarget("5aa119a8-d25b-45a7-8d1b-88e127885635", "OS::Nova::Server",
			[]csbs.RestoreVolumeMapping{*mapping})
		request.SetCheckRestorable([]csbs.RestorableParam{*csbs.NewRestorableParam("8986ce68-3da7-4d29-9cc2-1921e9504975", *target)})
	}
	answer, _, err := client.ResourcesAPI.CheckResourceCapabilities(ctx, "0605767ab000d4c12f3bc0033d9d5d06",
		"fc4d5750-22e7-4798-8a46-f48f62c4c1da").ResourceActionRequest(*request).Execute()

	if c.Status >= 400 {
		var apiErr *csbs.GenericOpenAPIError
		if !errors.As(err, &apiErr) {
			return fmt.Sprintf("want the client's error for status %d, got %v", c.Status, err)
		}
		body, ok := apiErr.Model().(csbs.ErrorResponse)
		if !ok {
			return fmt.Sprintf("the error body was not read as ErrorResponse: %s", apiErr.Error())
		}
		if body.GetErrorCode() != c.Expect.ErrorCode || len(body.GetErrorMsg()) != c.Expect.ErrorMsgLength {
			return fmt.Sprintf("read %q with a %d-character message", body.GetErrorCode(), len(body.GetErrorMsg()))
		}
		return ""
	}
	if err != nil {
		return "the answer was refused: " + err.Error()
	}
	items := answer.GetRestorable()
	if c.Action == "check_protectable" {
		items = answer.GetProtectable()
	}
	var results []bool
	var ids, codes []string
	var lengths []int
	for _, item := range items {
		results = append(results, item.GetResult())
		ids = append(ids, item.GetResourceId())
		codes = append(codes, item.GetErrorCode())
		lengths = append(lengths, len(item.GetErrorMsg()))
	}
	if !reflect.DeepEqual(results, c.Expect.Results) || !reflect.DeepEqual(ids, c.Expect.ResourceIDs) ||
		!reflect.DeepEqual(codes, c.Expect.ErrorCodes) || !reflect.DeepEqual(lengths, c.Expect.ErrorMsgLengths) {
		return fmt.Sprintf("read results %v, IDs %v, codes %v, message lengths %v", results, ids, codes, lengths)
	}
	return ""
}
