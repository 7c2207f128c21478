package example.boot;

import io.github.csbscontract.client.CsbsClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class RestoreApplication {

  public static void main(String[] args) {
    SpringApplication.run(RestoreApplication.class, args);
  }

  @Bean(destroyMethod = "close")
  CsbsClient csbsClient(@Value("${csbs.base-url}") String baseUrl, @Value("${csbs.project-id}") String projectId,
      @Value("${csbs.token}") String token) {
    return CsbsClient.builder().baseUrl(baseUrl).projectId(projectId).token(token).build();
  }
}
