package dev.openproof.core.validation;

import dev.openproof.core.model.Distributor;
import dev.openproof.core.model.Party;
import dev.openproof.core.model.Reseller;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Distributor} or a {@link Reseller} part by part: {@code
 * PartyBuilder.distributor().id("D-1").name("Example Distribution").country("DE").email("billing@…")}.
 * Every part is required. Hand the builder to {@link OrderBuilder}, which reports its missing or
 * invalid parts together with the order's, or call {@link #build()}.
 *
 * <p>Not thread-safe.
 *
 * @param <P> the kind of party built
 * @since 0.1.0
 */
public final class PartyBuilder<P extends Party> {
  /** Makes the party from id, name, country and e-mail address. */
  @FunctionalInterface
  interface Maker<P> {
    P make(String id, String name, String country, String email);
  }

  private final Maker<P> maker;
  private @Nullable String id;
  private @Nullable String name;
  private @Nullable String country;
  private @Nullable String email;

  private PartyBuilder(Maker<P> maker) {
    this.maker = maker;
  }

  /**
   * Starts building a distributor part by part, for {@link OrderBuilder#distributor(PartyBuilder)}.
   *
   * @return a new builder
   */
  public static PartyBuilder<Distributor> distributor() {
    return new PartyBuilder<>(Distributor::new);
  }

  /**
   * Starts building a reseller part by part, for {@link OrderBuilder#reseller(PartyBuilder)}.
   *
   * @return a new builder
   */
  public static PartyBuilder<Reseller> reseller() {
    return new PartyBuilder<>(Reseller::new);
  }

  /**
   * The party's identifier in the host's systems. Required.
   *
   * @param id 1 to 64 letters, digits, {@code .}, {@code _} or {@code -}
   * @return this builder
   */
  public PartyBuilder<P> id(String id) {
    this.id = Objects.requireNonNull(id, "id");
    return this;
  }

  /**
   * The party's legal name. Required.
   *
   * @param name 1 to 200 characters, no control characters
   * @return this builder
   */
  public PartyBuilder<P> name(String name) {
    this.name = Objects.requireNonNull(name, "name");
    return this;
  }

  /**
   * The party's country. Required.
   *
   * @param country an ISO 3166-1 alpha-2 code such as {@code DE}
   * @return this builder
   */
  public PartyBuilder<P> country(String country) {
    this.country = Objects.requireNonNull(country, "country");
    return this;
  }

  /**
   * The e-mail address of the role: the distributor's billing address, the reseller's order desk.
   * Required.
   *
   * @param email the address
   * @return this builder
   */
  public PartyBuilder<P> email(String email) {
    this.email = Objects.requireNonNull(email, "email");
    return this;
  }

  /**
   * Builds the party. Only the presence of the parts is checked here; their form is checked when
   * the order is validated, as for a party made with its constructor.
   *
   * @return the party
   * @throws InvalidOrderException listing every missing part, with paths such as {@code email}
   */
  public P build() {
    List<Violation> missing = new ArrayList<>();
    P party = assemble("", missing);
    if (!missing.isEmpty()) {
      throw new InvalidOrderException("the party", missing);
    }
    return party;
  }

  /**
   * Makes the party, each missing part replaced by a valid placeholder and reported in {@code
   * missing} under {@code path}.
   */
  P assemble(String path, List<Violation> missing) {
    return maker.make(
        Parts.orPlaceholder(id, Parts.join(path, "id"), "ID", missing),
        Parts.orPlaceholder(name, Parts.join(path, "name"), "Name", missing),
        Parts.orPlaceholder(country, Parts.join(path, "country"), "DE", missing),
        Parts.orPlaceholder(email, Parts.join(path, "email"), "placeholder@example.test", missing));
  }

  /** A builder holding the parts of an existing party. */
  static <P extends Party> PartyBuilder<P> of(P party, Maker<P> maker) {
    return new PartyBuilder<>(maker).id(party.id()).name(party.name()).country(party.country()).email(party.email());
  }
}
