/** The CSBS reference server as a JUnit 5 extension: start at {@link io.github.csbscontract.testing.CsbsStandIn}. */
package io.github.csbscontract.testing;
