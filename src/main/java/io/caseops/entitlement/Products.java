package io.caseops.entitlement;

import java.util.List;
import org.springframework.stereotype.Component;

/** The products each catalogue supports: the entitlement feature's public view of its product table. */
@Component
public class Products {

  private final Accounts accounts;

  Products(Accounts accounts) {
    this.accounts = accounts;
  }

  public List<String> idsOf(String catalogue) {
    return accounts.products(catalogue).stream().map(Accounts.Product::id).toList();
  }
}
