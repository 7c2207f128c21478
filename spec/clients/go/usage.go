// What a Go user of the generated client writes; check.sh vets it against the client that
// openapi-generator makes from openapi.yaml (module local.invalid/csbs/client, under target/).
package main

import (
	"context"
	"fmt"

	csbs "local.invalid/csbs/client"
)

func main() {
	cfg := csbs.NewConfiguration()
	cfg.Servers = csbs.ServerConfigurations{{URL: "http://127.0.0.1:8080"}}
	client := csbs.NewAPIClient(cfg)
	ctx := context.WithValue(context.Background(), csbs.ContextAPIKeys,
		map[string]csbs.APIKey{"iamToken": {Key: "demo-token-project-a"}})

	// Mandatory fields are constructor arguments. "Exactly one action" is a bound of the schema,
	// not a type: a request with both setters called, or neither, compiles, and the server
	// answers it 400 CSBS.9001.
	mapping := csbs.NewRestoreVolumeMapping("7ea119a8-d25b-43a7-8d1b-88e12788513a", "45baf976-c20a-4894-a7c3-c94b7376bf55")
	target := csbs.NewRestorableTarget("5aa119a8-d25b-45a7-8d1b-88e127885635", "OS::Nova::Server",
		[]csbs.RestoreVolumeMapping{*mapping})
	request := csbs.NewResourceActionRequest()
	request.SetCheckRestorable([]csbs.RestorableParam{*csbs.NewRestorableParam("8986ce68-3da7-4d29-9cc2-1921e9504975", *target)})

	answer, _, err := client.ResourcesAPI.CheckResourceCapabilities(ctx, "0605767ab000d4c12f3bc0033d9d5d06",
		"fc4d5750-22e7-4798-8a46-f48f62c4c1da").ResourceActionRequest(*request).Execute()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, item := range answer.GetRestorable() {
		// Responses are tolerant: only Result is sure to be there; the other getters give "" when absent.
		if item.GetResult() {
			fmt.Println("restorable")
		} else {
			fmt.Println(item.GetErrorCode(), item.GetErrorMsg())
		}
	}
}
