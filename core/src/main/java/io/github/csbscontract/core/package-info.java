/** The contract's constants and the Bean Validation helpers that the client and the servers share. */
package io.github.csbscontract.core;
