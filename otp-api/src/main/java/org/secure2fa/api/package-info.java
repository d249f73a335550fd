/** The public JAX-RS API: POST /otp/generate and POST /otp/verify, their mappers, and the benchmark no-op. */
package org.secure2fa.api;
