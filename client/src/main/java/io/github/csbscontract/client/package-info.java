/** A Java client for the CSBS resources/action API: start at {@link io.github.csbscontract.client.CsbsClient}. */
package io.github.csbscontract.client;
